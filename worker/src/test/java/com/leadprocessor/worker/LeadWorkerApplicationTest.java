package com.leadprocessor.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.LeadOutcome;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.LeadSearchAttributes;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.ReviewRefusal;
import com.leadprocessor.workflow.claim.ClaimRefusal;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The worker as it ships, with its real activities in dry-run mode, against the in-memory Temporal:
 * the example lead of docs/architecture.md goes through every step.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.temporal.test-server.enabled=true",
      "leads.temporal.register-search-attributes=true",
      "leads.verification.allow-reserved-domains=true",
      "leads.slack.mode=dry-run",
      "leads.salesforce.mode=dry-run"
    })
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeadWorkerApplicationTest {

  @Autowired WorkflowClient client;

  @Autowired DataConverter dataConverter;

  @Value("${leads.task-queue}")
  String taskQueue;

  @Test
  void exampleLeadCompletesWithTheShippedActivities() {
    LeadWorkflow lead =
        client.newWorkflowStub(
            LeadWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(LeadWorkflowIds.forConversation("conv-12345"))
                .setTaskQueue(taskQueue)
                .build());

    LeadOutcome outcome = lead.process(exampleLead());

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(outcome.crmLeadId()).isEqualTo("dry-run-conv-12345");
    assertThat(outcome.slackMessageTs()).isNotBlank();
    assertThat(lead.state().route()).isEqualTo("enterprise+api");
    assertThat(lead.state().slackChannel()).isEqualTo("#dev-sales");
    assertThat(
            WorkflowStub.fromTyped(lead)
                .describe()
                .getTypedSearchAttributes()
                .get(LeadSearchAttributes.LEAD_STATUS))
        .isEqualTo("COMPLETED");
  }

  @Test
  void reviewRefusalsLeaveTheWorkerReadableAndOtherFailuresSealed() {
    String refusal = "Lead lead-conv-1 is COMPLETED, not waiting for review; nothing was decided.";

    assertThat(
            dataConverter
                .exceptionToFailure(
                    ApplicationFailure.newFailure(
                        refusal, ReviewRefusal.NOT_IN_REVIEW.failureType()))
                .getMessage())
        .isEqualTo(refusal);
    assertThat(
            dataConverter
                .exceptionToFailure(
                    ApplicationFailure.newFailure("potential.lead@example.com", "CRM"))
                .getMessage())
        .isEqualTo("Encoded failure");
  }

  @Test
  void claimRefusalsLeaveTheWorkerReadableSoSlackCanShowThem() {
    String refusal = "Lead lead-conv-1 is already claimed by <@U024BE7LH>.";

    for (ClaimRefusal type : ClaimRefusal.values()) {
      assertThat(
              dataConverter
                  .exceptionToFailure(ApplicationFailure.newFailure(refusal, type.failureType()))
                  .getMessage())
          .as("message of %s", type)
          .isEqualTo(refusal);
    }
  }

  private static LeadRequest exampleLead() {
    return new LeadRequest(
        new LeadCaptureEvent(
            "lead_capture_fallback",
            Instant.parse("2023-10-27T10:00:00Z"),
            "anon-f8a9b2c1",
            "conv-12345",
            "potential.lead@example.com",
            "Does your API support batch processing for over 1 million records?",
            "https://api.chatbot.com/transcripts/conv-12345",
            new LeadMetadata(
                "/pricing/enterprise",
                "203.0.113.1",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/118.0.0.0 Safari/537.36",
                Map.of()),
            Map.of()),
        Instant.now(),
        "msg_example");
  }
}
