package com.leadprocessor.workflow;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Keeps a step whose service is down retrying instead of calling people: when the step's retry
 * policy (the short budget) runs out on a retryable error, the lead shows as {@link
 * LeadStatus#DELAYED} and the step runs again, one short budget after another, until the step's
 * {@code keepRetrying} time from the review policy (the long budget) has passed; only then, or at
 * once on a permanent error, does the lead enter review.
 *
 * <p>Each rerun is a new activity in the history (a few events per short budget) rather than one
 * activity with a long retry policy: the worker's per-activity-type options would override a longer
 * policy set here, and a rerun lets the lead show the latest error in its details.
 *
 * <p>Leads started before this existed replay on {@link #CHANGE_ID}'s default version, which goes
 * to review when the short budget runs out, as they did.
 */
final class LeadDelays {

  /** The change id of the delayed state (docs/changing-workflow-code.md). */
  static final String CHANGE_ID = "delayed-before-review";

  private static final Logger log = Workflow.getLogger(LeadDelays.class);

  /**
   * A step that keeps retrying: which, its last error, since when and until when (epoch millis).
   */
  record Delay(LeadStep step, StepFailure failure, long sinceMillis, long untilMillis) {

    Instant until() {
      return Instant.ofEpochMilli(untilMillis);
    }
  }

  private final LeadActivityStubs activities = new LeadActivityStubs();
  private final LeadStatusPublisher publisher;
  private Delay current;

  LeadDelays(LeadStatusPublisher publisher) {
    this.publisher = publisher;
  }

  /**
   * Decides, after {@code step} failed for good under its retry policy, whether it runs again
   * (true: the lead is delayed) or the lead enters review (false).
   */
  boolean runAgain(LeadStep step, StepFailure failure, Runnable publishDetails) {
    if (failure.permanent()) {
      current = null;
      return false;
    }
    if (current == null) {
      if (Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
        return false;
      }
      Duration budget = activities.reviewPolicy().reviewPolicy().keepRetryingFor(step);
      if (budget.isZero()) {
        return false;
      }
      long now = Workflow.currentTimeMillis();
      current = new Delay(step, failure, now, now + budget.toMillis());
      publisher.delayed(step);
      Workflow.getMetricsScope()
          .tagged(Map.of("step", step.name()))
          .counter("leads_delayed_entered")
          .inc(1);
      log.warn(
          "Lead delayed: step {} keeps retrying until {}: {}",
          step,
          current.until(),
          failure.describe());
      publishDetails.run();
      return true;
    }
    if (Workflow.currentTimeMillis() >= current.untilMillis()) {
      log.warn("Step {} kept failing until {}: the lead goes to review", step, current.until());
      current = null;
      return false;
    }
    current = new Delay(step, failure, current.sinceMillis(), current.untilMillis());
    publishDetails.run();
    return true;
  }

  /** The step succeeded: a delayed lead is no longer delayed. */
  void succeeded() {
    if (current != null) {
      log.info("Step {} recovered after its delay", current.step());
      publisher.leftDelay(current.step());
      current = null;
    }
  }

  /** The delay of the lead, or null when it is not delayed. */
  Delay current() {
    return current;
  }
}
