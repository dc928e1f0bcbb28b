package com.leadprocessor.api.slack;

import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.claim.ClaimRefusal;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AlertClicks} on the app's {@link WorkflowClient}: one Update per click, its id derived
 * from the click so that Temporal runs a retried or replayed click once. The blocking call runs on
 * its own thread and is interrupted when the timeout passes, so a missing worker holds no request
 * thread and no thread for long.
 */
final class TemporalAlertClicks implements AlertClicks, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TemporalAlertClicks.class);

  private final WorkflowClient client;
  private final Duration timeout;
  private final ExecutorService calls = Executors.newCachedThreadPool(daemon("slack-click-update"));
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(daemon("slack-click-deadline"));

  TemporalAlertClicks(WorkflowClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<ClickOutcome> send(AlertClick click) {
    CompletableFuture<ClickOutcome> outcome = new CompletableFuture<>();
    Future<?> call = calls.submit(() -> outcome.complete(update(click)));
    deadlines.schedule(
        () -> {
          if (outcome.complete(ClickOutcome.workerSilent())) {
            log.warn(
                "Lead {} did not answer the {} Update of a Slack click within {}",
                click.workflowId(),
                click.updateName(),
                timeout);
            call.cancel(true);
          }
        },
        timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    return outcome;
  }

  private ClickOutcome update(AlertClick click) {
    UpdateOptions<LeadState> options =
        UpdateOptions.newBuilder(LeadState.class)
            .setUpdateName(click.updateName())
            .setUpdateId(click.updateId())
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build();
    try {
      client
          .newUntypedWorkflowStub(click.workflowId())
          .startUpdate(options, click.action())
          .getResult();
      return ClickOutcome.accepted(click.updateName());
    } catch (WorkflowNotFoundException e) {
      return ClickOutcome.leadClosed();
    } catch (WorkflowUpdateException e) {
      return refused(click, e);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        return ClickOutcome.workerSilent();
      }
      log.warn(
          "The {} Update of a Slack click on lead {} failed: {}",
          click.updateName(),
          click.workflowId(),
          e.getClass().getSimpleName());
      return ClickOutcome.workerSilent();
    }
  }

  private static ClickOutcome refused(AlertClick click, WorkflowUpdateException e) {
    if (e.getCause() instanceof ApplicationFailure failure
        && ClaimRefusal.ofFailureType(failure.getType()).isPresent()) {
      return ClickOutcome.refused(failure.getOriginalMessage());
    }
    // Not one of the claim validators' refusals: a lead that cannot take the action at all.
    log.info(
        "Lead {} did not take the {} Update of a Slack click: {}",
        click.workflowId(),
        click.updateName(),
        e.getCause() instanceof ApplicationFailure failure ? failure.getType() : "no failure type");
    return ClickOutcome.refused(null);
  }

  @Override
  public void close() {
    calls.shutdownNow();
    deadlines.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
