package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SalesforceEmulationRejection;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Salesforce failing the ways it does, with a retry budget of a few minutes as in production: a
 * minute of 503s, access tokens expiring mid-run, the org's API request limit. Every lead completes
 * with exactly one Lead and one Slack alert; none needs a reviewer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SalesforceFaultsIT {

  @AutoClose private SalesforceEmulation salesforce;
  @AutoClose private SlackEmulation slack;
  @AutoClose private LeadProcessorSystem system;

  @BeforeAll
  void startSystem() {
    salesforce = SalesforceEmulation.start();
    slack = SlackEmulation.start();
    system =
        LeadProcessorSystem.named("salesforce-faults")
            .liveSalesforce(salesforce)
            .liveSlack(slack)
            // Retries for well over a minute (1 s, 2 s, 4 s, then every 5 s), as the shipped
            // budget (about three minutes) does, so a minute-long outage needs no reviewer.
            .workerEnv("LEADS_STEPS_SALESFORCE_MAXIMUMATTEMPTS", "30")
            .workerEnv("LEADS_STEPS_SALESFORCE_INITIALINTERVAL", "1s")
            .workerEnv("LEADS_STEPS_SALESFORCE_MAXIMUMINTERVAL", "5s")
            .start();
  }

  @BeforeEach
  void healthySalesforce() {
    salesforce.heal();
  }

  @Test
  void aMinuteOf503sDelaysLeadsWithoutLosingOrDuplicatingAny() throws InterruptedException {
    salesforce.down();
    List<TestLead> leads = deliver("conv-sf-503-", 8);
    int upsertsBefore = salesforce.upsertRequests().size();

    Thread.sleep(Duration.ofSeconds(60).toMillis());
    assertThat(system.temporal().cli().listWorkflowIds("LeadStatus=\"NEEDS_REVIEW\""))
        .as("no lead sent to review while its retry budget lasts")
        .isEmpty();
    assertThat(salesforce.leads()).isEmpty();
    int refused = salesforce.upsertRequests().size() - upsertsBefore;
    salesforce.heal();
    long healed = System.nanoTime();

    assertCompleted(leads);
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    LeadsAssert.assertOneLeadAndOneAlertEach(salesforce, slack, leads);
    E2eFigures.record(
        "salesforce-503-minute",
        "%d leads during 60 s of 503s (%d upserts refused, none in review), all COMPLETED %d ms after healing, one Lead and one alert each"
            .formatted(leads.size(), refused, (System.nanoTime() - healed) / 1_000_000));
  }

  @Test
  void tokensExpiringMidRunAreRenewedWithoutLosingOrDuplicatingALead() {
    int tokensBefore = salesforce.tokenRequests().size();
    // The first Leads are created with the worker's token before it expires, the rest after: in
    // two batches, so that the expiry falls mid-run however fast the leads complete.
    List<TestLead> first = deliver("conv-sf-expiry-a", 3);
    await("the first Leads created with the first token")
        .atMost(Duration.ofSeconds(60))
        .until(() -> countOf(first) == first.size());
    salesforce.expireTokens();
    List<TestLead> leads =
        Stream.concat(first.stream(), deliver("conv-sf-expiry-b", 9).stream()).toList();

    assertCompleted(leads);
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    LeadsAssert.assertOneLeadAndOneAlertEach(salesforce, slack, leads);
    int renewals = salesforce.tokenRequests().size() - tokensBefore;
    assertThat(renewals).as("tokens requested after the expiry").isPositive();
    E2eFigures.record(
        "salesforce-token-expiry",
        "%d leads, tokens expired after the first Leads: %d token request(s), all COMPLETED, one Lead and one alert each"
            .formatted(leads.size(), renewals));
  }

  @Test
  void theOrgsRequestLimitDelaysLeadsUntilItResets() {
    salesforce.rejectNextWith(
        SalesforceEmulationRejection.requestLimitExceeded(),
        SalesforceEmulationRejection.requestLimitExceeded(),
        SalesforceEmulationRejection.requestLimitExceeded(),
        SalesforceEmulationRejection.requestLimitExceeded());
    int upsertsBefore = salesforce.upsertRequests().size();
    List<TestLead> leads = deliver("conv-sf-limit-", 4);

    assertCompleted(leads);
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    LeadsAssert.assertOneLeadAndOneAlertEach(salesforce, slack, leads);
    int upserts = salesforce.upsertRequests().size() - upsertsBefore;
    assertThat(upserts).as("4 refused + 4 accepted upserts").isEqualTo(8);
    E2eFigures.record(
        "salesforce-request-limit",
        "%d leads, 4 upserts refused 403 REQUEST_LIMIT_EXCEEDED: %d upserts in all, all COMPLETED, one Lead and one alert each"
            .formatted(leads.size(), upserts));
  }

  private List<TestLead> deliver(String prefix, int count) {
    List<TestLead> leads =
        IntStream.rangeClosed(1, count).mapToObj(i -> TestLead.apiQuestion(prefix + i)).toList();
    leads.forEach(
        lead ->
            assertThat(system.webhooks().deliver(lead.messageId(), lead.body()).status())
                .as(lead.workflowId())
                .isEqualTo(202));
    return leads;
  }

  private long countOf(List<TestLead> leads) {
    return leads.stream()
        .filter(lead -> salesforce.lead(lead.conversationId()).isPresent())
        .count();
  }

  private void assertCompleted(List<TestLead> leads) {
    for (TestLead lead : leads) {
      assertThat(system.leads().outcome(lead, Duration.ofMinutes(3)).status())
          .as(lead.workflowId())
          .isEqualTo(LeadStatus.COMPLETED);
    }
  }
}
