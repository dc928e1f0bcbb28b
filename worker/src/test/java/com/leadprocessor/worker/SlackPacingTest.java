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
 * second post to a channel within a second: a burst of leads to one channel is delayed by its
 * channel queue's rate limit, not refused, and does not hold up another channel's leads; its
 * backlog goes into a summary's thread. The in-memory Temporal test server does not enforce the
 * task-queue-wide limit, so this proves the worker-side limit that backs it up.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.temporal.test-server.enabled=true",
      "leads.temporal.register-search-attributes=true",
      "leads.verification.allow-reserved-domains=true",
      "leads.slack.mode=live",
      "leads.slack.bot-token=xoxb-pacing-test",
      "leads.slack.coalesce-after=4"
    })
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SlackPacingTest {

  private static final int BURST = 10;
  private static final int OTHER_CHANNEL = 3;
  private static final String API_QUESTION =
      "Does your API support batch processing for over 1 million records?";
  private static final String PRICING_QUESTION = "What does your product cost for a team of 5?";
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

  @Autowired SlackChannelWorkers channelWorkers;

  @Value("${leads.task-queue}")
  String taskQueue;

  @Test
  void eachConfiguredChannelHasAPacedQueueOfItsOwn() {
    assertThat(channelWorkers.taskQueues())
        .containsExactlyInAnyOrder("leads-slack/#dev-sales", "leads-slack/#sales-leads");
  }

  @Test
  void burstToOneChannelIsPacedCoalescedAndDoesNotHoldUpAnotherChannel() {
    List<WorkflowStub> leads = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      leads.add(start("conv-burst-" + i, API_QUESTION));
    }
    for (int i = 0; i < OTHER_CHANNEL; i++) {
      leads.add(start("conv-other-" + i, PRICING_QUESTION));
    }

    List<LeadOutcome> outcomes =
        leads.stream().map(lead -> lead.getResult(LeadOutcome.class)).toList();

    assertThat(outcomes).extracting(LeadOutcome::status).containsOnly(LeadStatus.COMPLETED);
    assertThat(slack.rateLimitedResponses()).isZero();
    List<SlackEmulation.Message> busy = alerts("#dev-sales");
    List<SlackEmulation.Message> other = alerts("#sales-leads");
    assertThat(busy).hasSize(BURST).extracting(SlackEmulation.Message::ts).doesNotHaveDuplicates();
    assertThat(other).hasSize(OTHER_CHANNEL);
    // The other channel's leads were all posted before the busy channel's backlog drained.
    assertThat(new BigDecimal(other.get(OTHER_CHANNEL - 1).ts()))
        .isLessThan(new BigDecimal(busy.get(BURST - 1).ts()));
    // The busy channel's backlog went into a summary's thread, each lead a message of its own.
    List<SlackEmulation.Message> summaries =
        slack.topLevelMessagesIn("#dev-sales").stream()
            .filter(message -> message.metadataEventType() == null)
            .toList();
    assertThat(summaries).hasSize(1);
    assertThat(slack.repliesTo(summaries.get(0).channel(), summaries.get(0).ts()))
        .isNotEmpty()
        .allSatisfy(reply -> assertThat(reply.metadataEventType()).isEqualTo("lead_alert"));
    assertThat(slack.topLevelMessagesIn("#sales-leads")).hasSize(OTHER_CHANNEL);
    List<SlackEmulation.Message> devSales = slack.messagesIn("#dev-sales");
    for (int i = 1; i < devSales.size(); i++) {
      BigDecimal gap =
          new BigDecimal(devSales.get(i).ts()).subtract(new BigDecimal(devSales.get(i - 1).ts()));
      assertThat(gap).isGreaterThan(new BigDecimal("0.9"));
    }
  }

  private WorkflowStub start(String conversationId, String question) {
    LeadWorkflow lead =
        client.newWorkflowStub(
            LeadWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(LeadWorkflowIds.forConversation(conversationId))
                .setTaskQueue(taskQueue)
                .build());
    WorkflowClient.start(lead::process, apiLead(conversationId, question));
    return WorkflowStub.fromTyped(lead);
  }

  /** The lead alerts posted to a channel, in the channel or in a thread, oldest first. */
  private static List<SlackEmulation.Message> alerts(String channel) {
    return slack.messagesIn(channel).stream()
        .filter(message -> "lead_alert".equals(message.metadataEventType()))
        .toList();
  }

  private static LeadRequest apiLead(String conversationId, String question) {
    return new LeadRequest(
        new LeadCaptureEvent(
            "lead_capture_fallback",
            Instant.parse("2023-10-27T10:00:00Z"),
            "anon-" + conversationId,
            conversationId,
            "potential.lead@example.com",
            question,
            null,
            new LeadMetadata("/docs/api", "203.0.113.1", null, Map.of()),
            Map.of()),
        Instant.now(),
        null);
  }
}
