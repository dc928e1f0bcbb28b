package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TemporalCli;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Salesforce down for longer than the step's retry policy (the short budget, about a second here)
 * but shorter than its keep-retrying time (the long budget, two minutes here): the leads show as
 * {@code DELAYED} while the outage lasts, then complete on their own; nobody is alerted, and each
 * has exactly one Lead and one Slack alert. One of them an engineer pauses as
 * docs/reviewing-leads.md says ({@code temporal activity pause} on its pending Salesforce
 * activity): it makes no attempt while paused, not even after Salesforce is back, and completes
 * once unpaused.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SalesforceOutageDelaysIT {

  private static final Duration OUTAGE = Duration.ofSeconds(15);

  @AutoClose private final SalesforceEmulation salesforce = SalesforceEmulation.start();
  @AutoClose private final SlackEmulation slack = SlackEmulation.start();

  @AutoClose
  private final LeadProcessorSystem system =
      LeadProcessorSystem.named("salesforce-delays")
          .liveSalesforce(salesforce)
          .liveSlack(slack)
          // The builder's short budget: two attempts within a second; then keep retrying.
          .workerEnv("LEADS_REVIEW_KEEPRETRYING_SALESFORCE", "2m")
          .start();

  @Test
  void outageShorterThanTheKeepRetryingTimeDelaysLeadsThatThenCompleteWithoutAReviewer()
      throws InterruptedException {
    salesforce.down();
    List<TestLead> leads =
        IntStream.rangeClosed(1, 4).mapToObj(i -> TestLead.apiQuestion("conv-delay-" + i)).toList();
    long down = System.nanoTime();
    leads.forEach(
        lead ->
            assertThat(system.webhooks().deliver(lead.messageId(), lead.body()).status())
                .as(lead.workflowId())
                .isEqualTo(202));
    List<String> ids = leads.stream().map(TestLead::workflowId).toList();

    await("every lead DELAYED, found by its search attribute")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        system
                            .temporal()
                            .cli()
                            .listWorkflowIds(
                                "LeadStatus=\"DELAYED\" AND LeadFailedStep=\"SALESFORCE\""))
                    .containsExactlyInAnyOrderElementsOf(ids));
    LeadState delayed = system.leads().state(leads.get(0));
    assertThat(delayed.status()).isEqualTo(LeadStatus.DELAYED);
    assertThat(delayed.currentStep()).isEqualTo(LeadStep.SALESFORCE);
    assertThat(delayed.lastError()).contains("503");
    TestLead paused = leads.get(0);
    String pausedActivity = pauseTheSalesforceStep(paused);
    Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
    assertThat(system.temporal().cli().listWorkflowIds("LeadStatus=\"NEEDS_REVIEW\"")).isEmpty();
    int refused = salesforce.upsertRequests().size();
    long attemptsWhilePaused = upsertsOf(paused);
    salesforce.heal();
    long healed = System.nanoTime();

    for (TestLead lead : leads.subList(1, leads.size())) {
      assertThat(system.leads().outcome(lead, Duration.ofMinutes(1)).status())
          .as(lead.workflowId())
          .isEqualTo(LeadStatus.COMPLETED);
    }
    await("the paused lead makes no attempt, Salesforce back or not")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                upsertsOf(paused) == attemptsWhilePaused
                    && system.leads().state(paused).status() == LeadStatus.DELAYED);
    system.temporal().cli().unpauseActivity(paused.workflowId(), pausedActivity);

    for (TestLead lead : leads) {
      assertThat(system.leads().outcome(lead, Duration.ofMinutes(1)).status())
          .as(lead.workflowId())
          .isEqualTo(LeadStatus.COMPLETED);
    }
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    LeadsAssert.assertOneLeadAndOneAlertEach(salesforce, slack, leads);
    assertThat(slack.messagesIn("#lead-review")).as("nobody alerted").isEmpty();
    E2eFigures.record(
        "salesforce-outage-delayed",
        "%d leads DELAYED during %d s of 503s (%d upserts refused, none in review, no review alert), all COMPLETED %d ms after healing, one Lead and one alert each; one lead's Salesforce activity paused with temporal activity pause: no attempt while paused (%d before), COMPLETED after temporal activity unpause"
            .formatted(
                leads.size(),
                OUTAGE.toSeconds(),
                refused,
                (System.nanoTime() - healed) / 1_000_000,
                attemptsWhilePaused));
  }

  /**
   * What an engineer does during a known outage: finds the lead's pending Salesforce activity with
   * {@code temporal workflow describe} and pauses it with {@code temporal activity pause}. Each
   * short budget is a new activity, and a pause that lands on the last attempt of one lets it fail
   * through, so this tries again until the pending activity shows as paused.
   *
   * @return the id of the paused activity
   */
  private String pauseTheSalesforceStep(TestLead lead) {
    TemporalCli cli = system.temporal().cli();
    String activityType = SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD;
    return await("the lead's pending Salesforce activity is paused")
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
                return id;
              }
              try {
                cli.pauseActivity(lead.workflowId(), id, "Salesforce outage");
              } catch (IllegalStateException closedMeanwhile) {
                // The activity finished its short budget between describe and pause.
              }
              return null;
            },
            id -> id != null);
  }

  private long upsertsOf(TestLead lead) {
    return salesforce.upsertRequests().stream()
        .filter(request -> lead.conversationId().equals(request.externalId()))
        .count();
  }
}
