package com.leadprocessor.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadOutcome;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The shipped worker with the live Slack connector against the Slack emulation, which refuses a
 * second post to a channel within a second: a burst of leads to one channel is delayed by the Slack
 * task queue's rate limit, not refused. The in-memory Temporal test server does not enforce the
 * task-queue-wide limit, so this proves the worker-side limit that backs it up.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.temporal.test-server.enabled=true",
      "leads.temporal.register-search-attributes=true",
      "leads.verification.allow-reserved-domains=true",
      "leads.slack.mode=live",
      "leads.slack.bot-token=xoxb-pacing-test"
    })
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SlackPacingTest {

  private static final int BURST = 6;
  private static final SlackEmulation slack = SlackEmulation.start().enforceRateLimit(1.0);

  @DynamicPropertySource
  static void slackApi(DynamicPropertyRegistry registry) {
    registry.add("leads.slack.api-url", slack::baseUrl);
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @Autowired WorkflowClient client;

  @Value("${leads.task-queue}")
  String taskQueue;

  @Test
  void burstOfLeadsToOneChannelIsPacedNotRefused() {
    List<WorkflowStub> leads = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      LeadWorkflow lead =
          client.newWorkflowStub(
              LeadWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(LeadWorkflowIds.forConversation("conv-burst-" + i))
                  .setTaskQueue(taskQueue)
                  .build());
      WorkflowClient.start(lead::process, apiLead("conv-burst-" + i));
      leads.add(WorkflowStub.fromTyped(lead));
    }

    List<LeadOutcome> outcomes =
        leads.stream().map(lead -> lead.getResult(LeadOutcome.class)).toList();

    assertThat(outcomes).extracting(LeadOutcome::status).containsOnly(LeadStatus.COMPLETED);
    List<SlackEmulation.Message> posted = slack.messagesIn("#dev-sales");
    assertThat(posted).hasSize(BURST);
    assertThat(slack.rateLimitedResponses()).isZero();
    for (int i = 1; i < posted.size(); i++) {
      BigDecimal gap =
          new BigDecimal(posted.get(i).ts()).subtract(new BigDecimal(posted.get(i - 1).ts()));
      assertThat(gap).isGreaterThan(new BigDecimal("0.9"));
    }
  }

  private static LeadRequest apiLead(String conversationId) {
    return new LeadRequest(
        new LeadCaptureEvent(
            "lead_capture_fallback",
            Instant.parse("2023-10-27T10:00:00Z"),
            "anon-" + conversationId,
            conversationId,
            "potential.lead@example.com",
            "Does your API support batch processing for over 1 million records?",
            null,
            new LeadMetadata("/docs/api", "203.0.113.1", null, Map.of()),
            Map.of()),
        Instant.now(),
        null);
  }
}
