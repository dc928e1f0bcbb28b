package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TemporalCli;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The live Salesforce and Slack connectors against their emulations: while Salesforce is down,
 * leads reach review on the SALESFORCE step and the CLI finds exactly them; after healing, one
 * signal and then one batch signal complete them, each with exactly one Lead and one alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SalesforceConnectorIT {

  private static final String IN_REVIEW_ON_SALESFORCE =
      "LeadStatus=\"NEEDS_REVIEW\" AND LeadFailedStep=\"SALESFORCE\"";

  @AutoClose private SalesforceEmulation salesforce;
  @AutoClose private SlackEmulation slack;
  @AutoClose private LeadProcessorSystem system;
  private List<TestLead> outageLeads;

  @BeforeAll
  void startSystem() {
    salesforce = SalesforceEmulation.start();
    slack = SlackEmulation.start().enforceRateLimit(1.0);
    system =
        LeadProcessorSystem.named("salesforce").liveSalesforce(salesforce).liveSlack(slack).start();
  }

  @Test
  @Order(1)
  void salesforceOutageSendsLeadsToReviewWhereTheCliFindsExactlyThem() {
    salesforce.down();
    outageLeads =
        IntStream.rangeClosed(1, 21)
            .mapToObj(i -> TestLead.apiQuestion("conv-sf-outage-" + i))
            .toList();
    Instant outageStarted = Instant.now();
    outageLeads.forEach(
        lead ->
            assertThat(system.webhooks().deliver(lead.messageId(), lead.body()).status())
                .isEqualTo(202));

    List<String> expected = outageLeads.stream().map(TestLead::workflowId).sorted().toList();
    TemporalCli cli = system.temporal().cli();
    await("every lead of the outage in review on the SALESFORCE step, listed by the CLI")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(cli.listWorkflowIds(IN_REVIEW_ON_SALESFORCE))
                    .containsExactlyInAnyOrderElementsOf(expected));
    Duration toReview = Duration.between(outageStarted, Instant.now());

    assertThat(cli.listWorkflowIds("LeadStatus=\"NEEDS_REVIEW\""))
        .containsExactlyInAnyOrderElementsOf(expected);
    LeadState state = system.leads().state(outageLeads.get(0));
    assertThat(state.failedStep()).isEqualTo(LeadStep.SALESFORCE);
    assertThat(state.lastError()).contains("503");
    assertThat(salesforce.leads()).isEmpty();
    assertThat(slack.messagesIn("#dev-sales")).as("no lead alert before the CRM step").isEmpty();
    // The team hears of each lead in review once, in the review channel (best effort).
    assertThat(slack.messagesIn("#lead-review"))
        .isNotEmpty()
        .extracting(message -> message.metadataPayload().get("workflow_id"))
        .doesNotHaveDuplicates()
        .allSatisfy(workflowId -> assertThat(expected).contains((String) workflowId));
    E2eFigures.record(
        "salesforce-outage",
        outageLeads.size()
            + " leads delivered while Salesforce answered 503 all NEEDS_REVIEW with"
            + " LeadFailedStep=SALESFORCE within "
            + toReview.toMillis()
            + " ms; the CLI listed exactly those; last error: "
            + state.lastError());
  }

  @Test
  @Order(2)
  void afterHealingOneCliRetryCompletesTheLeadWithOneLead() {
    salesforce.heal();
    TestLead first = outageLeads.get(0);

    system
        .temporal()
        .cli()
        .signal(first.workflowId(), "retry", "{\"reason\": \"Salesforce is back\"}");

    assertCompleted(first, Duration.ofSeconds(60));
    assertThat(salesforce.lead(first.conversationId())).isPresent();
    assertThat(salesforce.leads()).hasSize(1);
  }

  @Test
  @Order(3)
  void oneBatchSignalRetriesTheRestEachWithExactlyOneLeadAndOneAlert() {
    List<TestLead> waiting = outageLeads.subList(1, outageLeads.size());
    assertThat(waiting).hasSizeGreaterThanOrEqualTo(20);
    Instant started = Instant.now();

    system
        .temporal()
        .cli()
        .batchSignal(
            IN_REVIEW_ON_SALESFORCE,
            "retry",
            "{\"reason\": \"Salesforce outage over\"}",
            "Salesforce outage over");

    waiting.forEach(lead -> assertCompleted(lead, Duration.ofSeconds(150)));
    Duration allDone = Duration.between(started, Instant.now());
    LeadsAssert.assertEachLeadCompletedOnce(system, outageLeads);
    LeadsAssert.assertOneSlackAlertEach(slack, outageLeads);
    assertThat(salesforce.leads()).hasSize(outageLeads.size());
    outageLeads.forEach(
        lead ->
            assertThat(salesforce.lead(lead.conversationId())).as(lead.workflowId()).isPresent());
    assertThat(system.temporal().cli().listWorkflowIds("LeadStatus=\"NEEDS_REVIEW\"")).isEmpty();
    E2eFigures.record(
        "salesforce-batch-retry",
        "`temporal workflow signal --query '"
            + IN_REVIEW_ON_SALESFORCE
            + "' --name retry --yes`: "
            + waiting.size()
            + " leads COMPLETED, "
            + salesforce.leads().size()
            + " Leads in the Salesforce emulation for "
            + outageLeads.size()
            + " conversations, one Slack alert each, in "
            + allDone.toMillis()
            + " ms (alerts paced at 1/s); HTTP 429 from Slack: "
            + slack.rateLimitedResponses());
  }

  private void assertCompleted(TestLead lead, Duration timeout) {
    assertThat(system.leads().outcome(lead, timeout).status())
        .as(lead.workflowId())
        .isEqualTo(LeadStatus.COMPLETED);
  }
}
