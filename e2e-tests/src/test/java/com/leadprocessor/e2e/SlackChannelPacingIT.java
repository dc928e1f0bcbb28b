package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.AppProcess;
import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Two channels under a burst, against a Slack emulation that refuses a channel's second message
 * within a second as Slack does, with the worker restarted mid-burst: each channel is paced by its
 * own task queue (no 429), the quiet channel's leads are not held behind the busy one's backlog, no
 * alert is lost or posted twice, and the busy channel's backlog goes into a summary's thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SlackChannelPacingIT {

  private static final int BUSY = 40;
  private static final int QUIET = 5;
  private static final int RESTART_AFTER = 12;

  @AutoClose private SlackEmulation slack;
  @AutoClose private LeadProcessorSystem system;

  @BeforeAll
  void startSystem() {
    slack = SlackEmulation.start().enforceRateLimit(1.0);
    system =
        LeadProcessorSystem.named("slack-pacing")
            .liveSlack(slack)
            .workerEnv("SLACK_MAX_MESSAGES_PER_SECOND", "1.0")
            .workerEnv("SLACK_COALESCE_AFTER", "10")
            .start();
  }

  @Test
  void burstToOneChannelIsPacedCoalescedAndHoldsUpNoOtherChannelAcrossAWorkerRestart() {
    List<TestLead> busy =
        IntStream.rangeClosed(1, BUSY)
            .mapToObj(i -> TestLead.apiQuestion("conv-busy-" + i))
            .toList();
    List<TestLead> quiet =
        IntStream.rangeClosed(1, QUIET)
            .mapToObj(i -> TestLead.of("conv-quiet-" + i, "Who can I talk to about a demo?", "/"))
            .toList();
    busy.forEach(this::deliver);
    quiet.forEach(this::deliver);

    await("%d alerts in #dev-sales before the restart".formatted(RESTART_AFTER))
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> alerts("#dev-sales").size() >= RESTART_AFTER);
    AppProcess worker = system.workers().get(0);
    worker.restart();
    E2eFigures.record(
        "slack-pacing",
        "worker restarted after %d of %d #dev-sales alerts were posted"
            .formatted(alerts("#dev-sales").size(), BUSY));

    List<TestLead> all = Stream.concat(busy.stream(), quiet.stream()).toList();
    for (TestLead lead : all) {
      assertThat(system.leads().outcome(lead, Duration.ofMinutes(3)).status())
          .as(lead.workflowId())
          .isEqualTo(LeadStatus.COMPLETED);
    }

    LeadsAssert.assertEachLeadCompletedOnce(system, all);
    assertThat(LeadsAssert.slackAlertsPerConversation(slack))
        .as("lead alerts per conversation: none lost, none twice")
        .isEqualTo(
            all.stream()
                .collect(
                    Collectors.toMap(
                        TestLead::conversationId, lead -> 1L, (a, b) -> a, TreeMap::new)));
    assertThat(slack.rateLimitedResponses()).as("429 answers").isZero();
    List<SlackEmulation.Message> busyAlerts = alerts("#dev-sales");
    List<SlackEmulation.Message> quietAlerts = alerts("#sales-leads");
    assertThat(ts(quietAlerts.get(QUIET - 1)))
        .as("the quiet channel's last alert came before the busy channel's backlog drained")
        .isLessThan(ts(busyAlerts.get(BUSY - 1)));
    List<SlackEmulation.Message> summaries =
        slack.topLevelMessagesIn("#dev-sales").stream()
            .filter(message -> message.metadataEventType() == null)
            .toList();
    assertThat(summaries).as("busy-channel summaries").isNotEmpty();
    Map<String, Integer> repliesPerSummary =
        summaries.stream()
            .collect(
                Collectors.toMap(
                    SlackEmulation.Message::ts,
                    summary -> slack.repliesTo(summary.channel(), summary.ts()).size()));
    assertThat(repliesPerSummary.values().stream().mapToInt(Integer::intValue).sum())
        .as("alerts in a summary's thread")
        .isPositive();
    assertThat(
            summaries.stream()
                .flatMap(summary -> slack.repliesTo(summary.channel(), summary.ts()).stream())
                .map(SlackEmulation.Message::metadataEventType))
        .containsOnly("lead_alert");
    E2eFigures.record(
        "slack-pacing",
        ("%d leads to #dev-sales and %d to #sales-leads, Slack limit 1 msg/s per channel: all"
                + " COMPLETED, one alert each, 0 answered 429; #sales-leads done before"
                + " #dev-sales drained; #dev-sales: %d in the channel, %d summaries with %s alerts"
                + " in their threads, %.2f messages/s from its first to its last alert (the"
                + " worker restart included)")
            .formatted(
                BUSY,
                QUIET,
                slack.topLevelMessagesIn("#dev-sales").size() - summaries.size(),
                summaries.size(),
                repliesPerSummary.values(),
                messagesPerSecond(busyAlerts.size() + summaries.size(), busyAlerts)));
  }

  private void deliver(TestLead lead) {
    assertThat(system.webhooks().deliver(lead.messageId(), lead.body()).status())
        .as(lead.workflowId())
        .isEqualTo(202);
  }

  /** The lead alerts posted to a channel, in the channel or in a thread, oldest first. */
  private List<SlackEmulation.Message> alerts(String channel) {
    return slack.messagesIn(channel).stream()
        .filter(message -> "lead_alert".equals(message.metadataEventType()))
        .toList();
  }

  /** Messages a second over the span from the first to the last of {@code alerts}. */
  private static double messagesPerSecond(int messages, List<SlackEmulation.Message> alerts) {
    double seconds = ts(alerts.get(alerts.size() - 1)).subtract(ts(alerts.get(0))).doubleValue();
    return seconds <= 0 ? 0 : (messages - 1) / seconds;
  }

  private static BigDecimal ts(SlackEmulation.Message message) {
    return new BigDecimal(message.ts());
  }
}
