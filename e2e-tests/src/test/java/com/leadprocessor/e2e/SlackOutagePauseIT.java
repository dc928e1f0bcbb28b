package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TemporalCli;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pausing a delayed lead's step during a known outage, as docs/reviewing-leads.md says: Slack
 * answers 503, past the step's retry policy (three attempts within seconds here) but within its
 * keep-retrying time (two minutes here), so the leads are {@code DELAYED}; an engineer pauses one
 * lead's pending Slack activity with {@code temporal activity pause}. It makes no attempt while
 * paused, not even after Slack is back (the other lead completes), and completes once unpaused,
 * with one alert. The Slack step is the step that can be paused: Salesforce runs as a local
 * activity, which is no pending activity (see {@link SalesforceOutageDelaysIT}).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SlackOutagePauseIT {

  @AutoClose private final SlackEmulation slack = SlackEmulation.start();

  @AutoClose
  private final LeadProcessorSystem system =
      LeadProcessorSystem.named("slack-pause")
          .liveSlack(slack)
          .workerEnv("LEADS_REVIEW_KEEPRETRYING_SLACK", "2m")
          .start();

  @Test
  void aPausedDelayedLeadMakesNoAttemptUntilUnpausedThenCompletesWithOneAlert() {
    slack.unavailableNext(Integer.MAX_VALUE);
    TestLead paused = TestLead.apiQuestion("conv-pause-1");
    TestLead other = TestLead.apiQuestion("conv-pause-2");
    List<TestLead> leads = List.of(paused, other);
    leads.forEach(
        lead ->
            assertThat(system.webhooks().deliver(lead.messageId(), lead.body()).status())
                .as(lead.workflowId())
                .isEqualTo(202));

    await("both leads DELAYED on the Slack step")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        system
                            .temporal()
                            .cli()
                            .listWorkflowIds("LeadStatus=\"DELAYED\" AND LeadFailedStep=\"SLACK\""))
                    .containsExactlyInAnyOrder(paused.workflowId(), other.workflowId()));
    assertThat(system.leads().state(paused).currentStep()).isEqualTo(LeadStep.SLACK);
    String pausedActivity = pauseTheSlackStep(paused);
    long attemptsWhilePaused = postsOf(paused);
    slack.heal();

    assertThat(system.leads().outcome(other, Duration.ofMinutes(1)).status())
        .isEqualTo(LeadStatus.COMPLETED);
    await("the paused lead makes no attempt, Slack back or not")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                postsOf(paused) == attemptsWhilePaused
                    && system.leads().state(paused).status() == LeadStatus.DELAYED);
    system.temporal().cli().unpauseActivity(paused.workflowId(), pausedActivity);

    assertThat(system.leads().outcome(paused, Duration.ofMinutes(1)).status())
        .isEqualTo(LeadStatus.COMPLETED);
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    LeadsAssert.assertOneSlackAlertEach(slack, leads);
    assertThat(slack.messagesIn("#lead-review")).as("nobody alerted").isEmpty();
    E2eFigures.record(
        "slack-outage-paused",
        "2 leads DELAYED on Slack 503s; one lead's Slack activity paused with temporal activity pause: no attempt while paused (%d before), the other COMPLETED after healing, the paused one COMPLETED after temporal activity unpause, one alert each"
            .formatted(attemptsWhilePaused));
  }

  private static final String PAUSED = "PENDING_ACTIVITY_STATE_PAUSED";

  /**
   * What an engineer does during a known outage: finds the lead's pending Slack activity with
   * {@code temporal workflow describe} and pauses it with {@code temporal activity pause}. Each
   * short budget is a new activity, and a pause that lands on the last attempt of one lets it fail
   * through, so this tries again until the pending activity shows as paused, with no attempt
   * running.
   *
   * @return the id of the paused activity
   */
  private String pauseTheSlackStep(TestLead lead) {
    TemporalCli cli = system.temporal().cli();
    String activityType = SlackAlertActivities.POST_SLACK_LEAD_ALERT;
    return await("the lead's pending Slack activity is paused")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              List<JsonNode> pending = cli.pendingActivities(lead.workflowId(), activityType);
              if (pending.isEmpty()) {
                return null;
              }
              JsonNode activity = pending.get(0);
              String id = activity.path("activityId").asText();
              if (activity.path("paused").asBoolean()) {
                // PAUSE_REQUESTED while an attempt runs: that attempt finishes (it may post), and
                // the pause holds from the next one on, when the state turns PAUSED.
                return PAUSED.equals(activity.path("state").asText()) ? id : null;
              }
              try {
                cli.pauseActivity(lead.workflowId(), id, "Slack outage");
              } catch (IllegalStateException closedMeanwhile) {
                // The activity finished its short budget between describe and pause.
              }
              return null;
            },
            id -> id != null);
  }

  /** The lead's {@code chat.postMessage} requests, answered or refused. */
  private long postsOf(TestLead lead) {
    return slack.requests("chat.postMessage").stream()
        .filter(request -> String.valueOf(request.params()).contains(lead.conversationId()))
        .count();
  }
}
