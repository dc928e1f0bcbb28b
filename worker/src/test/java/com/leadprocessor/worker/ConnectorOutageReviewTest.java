package com.leadprocessor.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadOutcome;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.RetryRequest;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker as it ships, with the live Salesforce and Slack connectors talking HTTP to local
 * emulations of both APIs: an outage longer than the Salesforce retry budget parks the lead in
 * review, and a reviewer's retry after the emulation heals completes it with exactly one Lead and
 * exactly one Slack alert.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.temporal.test-server.enabled=true",
      "leads.temporal.register-search-attributes=true",
      "leads.verification.allow-reserved-domains=true",
      "leads.salesforce.mode=live",
      "leads.salesforce.client-id=" + SalesforceEmulation.CLIENT_ID,
      "leads.salesforce.client-secret=" + SalesforceEmulation.CLIENT_SECRET,
      "leads.slack.mode=live",
      "leads.slack.bot-token=xoxb-emulated-token",
      "leads.steps.salesforce.maximum-attempts=3",
      "leads.steps.salesforce.initial-interval=200ms",
      "leads.steps.salesforce.maximum-interval=1s",
      "leads.review.keep-retrying.salesforce=0s"
    })
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConnectorOutageReviewTest {

  static final SalesforceEmulation salesforce = SalesforceEmulation.start();
  static final SlackEmulation slack = SlackEmulation.start();

  @DynamicPropertySource
  static void emulatedApis(DynamicPropertyRegistry registry) {
    registry.add("leads.salesforce.login-url", salesforce::baseUrl);
    registry.add("leads.slack.api-url", slack::baseUrl);
  }

  @AfterAll
  static void stopEmulations() {
    salesforce.close();
    slack.close();
  }

  @Autowired WorkflowClient client;

  @Value("${leads.task-queue}")
  String taskQueue;

  @Test
  void salesforceOutagePastTheBudgetWaitsInReviewAndRetryCompletesItOnce() throws Exception {
    salesforce.down();
    LeadWorkflow lead =
        client.newWorkflowStub(
            LeadWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(LeadWorkflowIds.forConversation("conv-outage-1"))
                .setTaskQueue(taskQueue)
                .build());
    WorkflowClient.start(lead::process, lead("conv-outage-1"));

    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> lead.state().status() == LeadStatus.NEEDS_REVIEW);
    assertThat(lead.state().failedStep()).isEqualTo(LeadStep.SALESFORCE);
    assertThat(lead.state().lastError()).contains("503");
    assertThat(salesforce.upsertRequests()).hasSize(3);
    assertThat(salesforce.leads()).isEmpty();
    assertThat(slack.messagesIn("#dev-sales")).isEmpty();

    salesforce.heal();
    lead.retry(new RetryRequest("Salesforce is back", null));
    LeadOutcome outcome =
        WorkflowStub.fromTyped(lead).getResult(45, TimeUnit.SECONDS, LeadOutcome.class);

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(salesforce.leads())
        .singleElement()
        .satisfies(
            crm -> {
              assertThat(crm.id()).isEqualTo(outcome.crmLeadId());
              assertThat(crm.fields()).containsEntry("Email", "potential.lead@example.com");
            });
    assertThat(slack.messagesIn("#dev-sales"))
        .singleElement()
        .satisfies(message -> assertThat(message.ts()).isEqualTo(outcome.slackMessageTs()));
  }

  private static LeadRequest lead(String conversationId) {
    return new LeadRequest(
        new LeadCaptureEvent(
            "lead_capture_fallback",
            Instant.parse("2023-10-27T10:00:00Z"),
            "anon-f8a9b2c1",
            conversationId,
            "potential.lead@example.com",
            "Does your API support batch processing for over 1 million records?",
            null,
            new LeadMetadata("/pricing/enterprise", "203.0.113.1", null, Map.of()),
            Map.of()),
        Instant.now(),
        "msg_outage");
  }
}
