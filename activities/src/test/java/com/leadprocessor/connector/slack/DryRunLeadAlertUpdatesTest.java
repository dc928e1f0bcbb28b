package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.TemporalUiLinks;
import com.leadprocessor.connector.TemporalUiProperties;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.slack.AlertEscalation;
import com.leadprocessor.workflow.slack.AlertUpdate;
import com.leadprocessor.workflow.slack.SlackMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without a token, updates and escalations are logged as Slack would get them. */
@ExtendWith(OutputCaptureExtension.class)
class DryRunLeadAlertUpdatesTest {

  private static final SlackMessage POSTED = new SlackMessage("#dev-sales", "dry-run");

  private final DryRunLeadAlertUpdates updates =
      new DryRunLeadAlertUpdates(
          new LeadAlertMessage(
              new TemporalUiLinks(new TemporalUiProperties("http://localhost:8233"), "default")),
          SlackProperties.defaults());

  @Test
  void updateLogsTheChatUpdateItWouldSend(CapturedOutput output) {
    updates.updateLeadAlert(
        new AlertUpdate(
            ClaimAlerts.claimable(), POSTED, LeadStatus.CLAIMED, ClaimAlerts.claimed()));

    assertThat(output.getOut())
        .contains("Slack DRY RUN, would POST https://slack.com/api/chat.update")
        .contains("\"ts\": \"dry-run\"")
        .contains("Claimed by <@U024BE7LH>")
        .contains("lead_hand_back");
  }

  @Test
  void escalationIsLoggedAndAnsweredWhereItWouldGo(CapturedOutput output) {
    SlackMessage toChannel =
        updates.escalate(
            new AlertEscalation(
                ClaimAlerts.claimable(), POSTED, "#sales-managers", Duration.ofMinutes(10)));
    SlackMessage inThread =
        updates.escalate(
            new AlertEscalation(
                ClaimAlerts.claimable(), POSTED, "<!subteam^S0123ABCD>", Duration.ofMinutes(10)));

    assertThat(toChannel).isEqualTo(new SlackMessage("#sales-managers", "dry-run"));
    assertThat(inThread).isEqualTo(new SlackMessage("#dev-sales", "dry-run"));
    assertThat(output.getOut())
        .contains("chat.postMessage to #sales-managers:")
        .contains("chat.postMessage to #dev-sales in the alert's thread")
        .contains("<!subteam^S0123ABCD> nobody has claimed this HIGH priority lead");
  }
}
