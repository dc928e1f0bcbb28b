package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
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
 * has exactly one Lead and one Slack alert. The Salesforce step runs as a local activity (change id
 * {@code salesforce-local}), inside the lead's workflow task: {@code temporal workflow describe}
 * lists no pending Salesforce activity for a delayed lead, so there is nothing to pause with {@code
 * temporal activity pause} (docs/reviewing-leads.md); {@link SlackOutagePauseIT} pauses the step
 * that still can be paused, Slack's.
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
    long delayedVisibleMillis = (System.nanoTime() - down) / 1_000_000;
    LeadState delayed = system.leads().state(leads.get(0));
    assertThat(delayed.status()).isEqualTo(LeadStatus.DELAYED);
    assertThat(delayed.currentStep()).isEqualTo(LeadStep.SALESFORCE);
    assertThat(delayed.lastError()).contains("503");
    assertThat(
            system
                .temporal()
                .cli()
                .pendingActivities(
                    leads.get(0).workflowId(), SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD))
        .as("a local activity is no pending activity: nothing to pause")
        .isEmpty();
    Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
    assertThat(system.temporal().cli().listWorkflowIds("LeadStatus=\"NEEDS_REVIEW\"")).isEmpty();
    int refused = salesforce.upsertRequests().size();
    salesforce.heal();
    long healed = System.nanoTime();

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
        "%d leads DELAYED (listed as such %d ms after the outage began) during %d s of 503s (%d upserts refused, none in review, no review alert), all COMPLETED %d ms after healing, one Lead and one alert each; no pending Salesforce activity to pause (a local activity)"
            .formatted(
                leads.size(),
                delayedVisibleMillis,
                (healed - down) / 1_000_000_000,
                refused,
                (System.nanoTime() - healed) / 1_000_000));
  }
}
