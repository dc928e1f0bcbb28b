package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.claim.AlertActions;
import com.leadprocessor.workflow.lead.LeadFailureType;
import com.leadprocessor.workflow.slack.AlertEscalation;
import com.leadprocessor.workflow.slack.AlertUpdate;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.slack.SlackMessage;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alert updates and escalations through the Slack SDK against the Slack emulation. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveLeadAlertUpdatesTest {

  private final SlackConnectorFixture fixture = new SlackConnectorFixture();
  private final SlackEmulation slack = fixture.emulation;
  private final TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
  private LeadAlertUpdates updates;
  private SlackMessage posted;

  @BeforeEach
  void postTheAlert() {
    environment.registerActivitiesImplementations(
        fixture.activities,
        new LiveLeadAlertUpdates(
            fixture.methods, new LeadAlertMessage(fixture.temporalUi), fixture.properties));
    ActivityOptions once =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(20))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build();
    updates = environment.newActivityStub(LeadAlertUpdates.class, once);
    posted =
        environment
            .newActivityStub(SlackAlertActivities.class, once)
            .postLeadAlert(ClaimAlerts.claimable());
  }

  @AfterEach
  void close() throws Exception {
    environment.close();
    fixture.close();
  }

  private AlertUpdate claimed() {
    return new AlertUpdate(
        ClaimAlerts.claimable(), posted, LeadStatus.CLAIMED, ClaimAlerts.claimed());
  }

  private ApplicationFailure failureOfUpdate() {
    ActivityFailure failure =
        catchThrowableOfType(ActivityFailure.class, () -> updates.updateLeadAlert(claimed()));
    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }

  @Test
  void postedAlertCarriesTheClaimButtonsInItsActionsBlock() {
    String blocks = slack.messagesIn("#dev-sales").get(0).blocksJson();

    assertThat(blocks)
        .contains("\"block_id\":\"" + AlertActions.blockId("lead-conv-12345") + "\"")
        .contains("\"action_id\":\"lead_claim\"")
        .contains("\"value\":\"lead-conv-12345\"")
        .contains("\"action_id\":\"lead_not_a_lead\"")
        .contains("\"action_id\":\"open_crm_lead\"");
  }

  @Test
  void claimRewritesTheAlertInPlaceByChannelIdAndTsWithoutReadingHistory() {
    updates.updateLeadAlert(claimed());

    assertThat(posted.channel()).isEqualTo(slack.channelId("#dev-sales"));
    SlackEmulation.Request request = slack.requests("chat.update").get(0);
    assertThat(request.params())
        .containsEntry("channel", posted.channel())
        .containsEntry("ts", posted.ts());
    assertThat(slack.updatesOf(posted.channel(), posted.ts()))
        .singleElement()
        .satisfies(
            update ->
                assertThat(LiveSlackAlertActivitiesTest.readable(update.blocksJson()))
                    .contains("Claimed by <@U024BE7LH> after 4m 12s")
                    .contains("\"action_id\":\"lead_hand_back\"")
                    .doesNotContain("\"action_id\":\"lead_claim\""));
    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(slack.requests("conversations.history")).isEmpty();
  }

  @Test
  void unclaimedLeadsAlertLosesItsButtons() {
    updates.updateLeadAlert(
        new AlertUpdate(
            ClaimAlerts.claimable(), posted, LeadStatus.UNCLAIMED, ClaimAlerts.escalated()));

    assertThat(slack.messagesIn("#dev-sales").get(0).blocksJson())
        .contains("Unclaimed: nobody claimed this lead")
        .doesNotContain("lead_claim")
        .doesNotContain("lead_not_a_lead")
        .contains("open_workflow");
  }

  @ParameterizedTest
  @CsvSource({
    "message_not_found, UNEXPECTED, was deleted",
    "cant_update_message, UNEXPECTED, not this app's message",
    "invalid_auth, AUTHENTICATION, SLACK_BOT_TOKEN",
    "token_revoked, AUTHENTICATION, SLACK_BOT_TOKEN"
  })
  void permanentUpdateRefusalIsNotRetried(String error, LeadFailureType type, String advice) {
    slack.failUpdatesWith(error);

    ApplicationFailure failure = failureOfUpdate();

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(type.name());
    assertThat(failure.getOriginalMessage()).contains("'" + error + "'").contains(advice);
  }

  @Test
  void rateLimitedUpdateRetriesAfterRetryAfter() {
    slack.rateLimitUpdatesNext(1, 3);

    ApplicationFailure failure = failureOfUpdate();

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(LeadFailureType.UNAVAILABLE.name());
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(slack.requests("chat.update").get(0).status()).isEqualTo(429);
  }

  @Test
  void slackOutageDuringAnUpdateIsRetried() {
    slack.unavailableUpdatesNext(1);

    ApplicationFailure failure = failureOfUpdate();

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).contains("HTTP 503");
  }

  @Test
  void escalationToAChannelLinksTheAlertAndLeavesOutThePersonsData() {
    SlackMessage escalation =
        updates.escalate(
            new AlertEscalation(
                ClaimAlerts.claimable(), posted, "#sales-managers", Duration.ofMinutes(10)));

    SlackEmulation.Message message = slack.messagesIn("#sales-managers").get(0);
    assertThat(escalation)
        .isEqualTo(new SlackMessage(slack.channelId("#sales-managers"), message.ts()));
    assertThat(message.text())
        .contains("Nobody has claimed this HIGH priority lead from Acme Corp")
        .contains("for 10m")
        .contains(
            "<https://emulated.slack.com/archives/%s/p%s|Open the alert>"
                .formatted(posted.channel(), posted.ts().replace(".", "")))
        .doesNotContain("potential.lead@example.com");
    assertThat(slack.requests("chat.getPermalink").get(0).params())
        .containsEntry("channel", posted.channel())
        .containsEntry("message_ts", posted.ts());
  }

  @Test
  void escalationToAGroupMentionsItInTheAlertsThread() {
    SlackMessage escalation =
        updates.escalate(
            new AlertEscalation(
                ClaimAlerts.claimable(), posted, "<!subteam^S0123ABCD>", Duration.ofMinutes(10)));

    assertThat(slack.repliesTo(posted.channel(), posted.ts()))
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply.text()).startsWith(":rotating_light: <!subteam^S0123ABCD> nobody");
              assertThat(reply.ts()).isEqualTo(escalation.ts());
            });
    assertThat(slack.messagesIn("#dev-sales")).hasSize(2);
  }

  @Test
  void escalationToAnArchivedChannelIsAConfigurationError() {
    slack.archive("#sales-managers");

    ActivityFailure failure =
        catchThrowableOfType(
            ActivityFailure.class,
            () ->
                updates.escalate(
                    new AlertEscalation(
                        ClaimAlerts.claimable(),
                        posted,
                        "#sales-managers",
                        Duration.ofMinutes(10))));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(cause.getType()).isEqualTo(LeadFailureType.CONFIGURATION.name());
  }
}
