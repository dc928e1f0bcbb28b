package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Slack failing the ways it does: 429 with Retry-After, and a channel archived mid-run.
 * Rate-limited alerts arrive once each; leads for the archived channel wait in review on the SLACK
 * step while every other lead is unaffected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SlackFaultsIT {

  @AutoClose private SlackEmulation slack;
  @AutoClose private LeadProcessorSystem system;

  @BeforeAll
  void startSystem() {
    slack = SlackEmulation.start();
    system =
        LeadProcessorSystem.named("slack-faults")
            .liveSlack(slack)
            .workerEnv("LEADS_STEPS_SLACK_MAXIMUMATTEMPTS", "5")
            .start();
  }

  @Test
  void rateLimitedAlertsArriveOnceEachAfterRetryAfter() {
    slack.rateLimitNext(3, 2);
    List<TestLead> leads = leads("conv-slack-429-", 5, "#sales-leads");
    leads.forEach(this::deliver);

    assertCompleted(leads);
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    LeadsAssert.assertOneSlackAlertEach(slack, leads);
    assertThat(slack.rateLimitedResponses()).as("429s answered").isEqualTo(3);
    E2eFigures.record(
        "slack-429",
        "%d leads, Slack answered 3 posts 429 with Retry-After: 2: all COMPLETED, one alert each"
            .formatted(leads.size()));
  }

  @Test
  void anArchivedChannelSendsItsLeadsToReviewAndNoOtherLead() {
    List<TestLead> devBefore = leads("conv-archive-dev-before-", 3, "#dev-sales");
    List<TestLead> salesBefore = leads("conv-archive-sales-before-", 3, "#sales-leads");
    Stream.concat(devBefore.stream(), salesBefore.stream()).forEach(this::deliver);
    assertCompleted(devBefore);
    slack.archive("#dev-sales");

    List<TestLead> devAfter = leads("conv-archive-dev-after-", 3, "#dev-sales");
    List<TestLead> salesAfter = leads("conv-archive-sales-after-", 3, "#sales-leads");
    Stream.concat(devAfter.stream(), salesAfter.stream()).forEach(this::deliver);

    List<TestLead> unaffected =
        Stream.of(devBefore, salesBefore, salesAfter).flatMap(List::stream).toList();
    assertCompleted(unaffected);
    for (TestLead lead : devAfter) {
      await("%s in review".formatted(lead.workflowId()))
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> system.leads().inReview(lead));
      LeadState state = system.leads().state(lead);
      assertThat(state.failedStep()).isEqualTo(LeadStep.SLACK);
      assertThat(state.lastError()).contains("archived");
    }
    List<String> inReview = devAfter.stream().map(TestLead::workflowId).sorted().toList();
    await("visibility lists exactly the archived channel's leads in review")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(
                        system
                            .temporal()
                            .cli()
                            .listWorkflowIds(
                                "LeadStatus=\"NEEDS_REVIEW\" AND LeadFailedStep=\"SLACK\""))
                    .containsExactlyInAnyOrderElementsOf(inReview));
    LeadsAssert.assertEachLeadCompletedOnce(system, unaffected);
    LeadsAssert.assertOneSlackAlertEach(slack, unaffected);
    assertThat(LeadsAssert.slackAlertsPerConversation(slack))
        .as("no alert for a lead in review")
        .doesNotContainKeys(devAfter.stream().map(TestLead::conversationId).toArray(String[]::new));
    E2eFigures.record(
        "slack-archived-channel",
        "#dev-sales archived mid-run: its %d later leads NEEDS_REVIEW (LeadFailedStep=SLACK, \"archived\" in the error), the other %d leads COMPLETED with one alert each"
            .formatted(devAfter.size(), unaffected.size()));
  }

  private static List<TestLead> leads(String prefix, int count, String channel) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            i ->
                channel.equals("#dev-sales")
                    ? TestLead.apiQuestion(prefix + i)
                    : TestLead.of(prefix + i, "Who can I talk to about a demo?", "/"))
        .toList();
  }

  private void deliver(TestLead lead) {
    assertThat(system.webhooks().deliver(lead.messageId(), lead.body()).status())
        .as(lead.workflowId())
        .isEqualTo(202);
  }

  private void assertCompleted(List<TestLead> leads) {
    for (TestLead lead : leads) {
      assertThat(system.leads().outcome(lead, Duration.ofMinutes(2)).status())
          .as(lead.workflowId())
          .isEqualTo(LeadStatus.COMPLETED);
    }
  }
}
