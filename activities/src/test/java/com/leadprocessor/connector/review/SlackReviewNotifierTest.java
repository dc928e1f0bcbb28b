package com.leadprocessor.connector.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.leadprocessor.connector.TemporalUiLinks;
import com.leadprocessor.connector.TemporalUiProperties;
import com.leadprocessor.connector.slack.ChannelPacer;
import com.leadprocessor.connector.slack.SlackMode;
import com.leadprocessor.connector.slack.SlackProperties;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.review.ReviewAlert;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlackReviewNotifierTest {

  private final SlackEmulation slack = SlackEmulation.start();
  private final Slack client = client(slack.baseUrl());
  private final SlackProperties properties =
      new SlackProperties(
          SlackMode.LIVE,
          "xoxb-test-token",
          slack.baseUrl(),
          "#sales-leads",
          "#lead-review",
          1.0,
          Duration.ofSeconds(5));
  private final SlackReviewNotifier notifier =
      new SlackReviewNotifier(
          client.methods("xoxb-test-token"),
          new ChannelPacer(properties),
          properties,
          new TemporalUiLinks(new TemporalUiProperties("http://localhost:8233"), "default"));

  @AfterEach
  void close() throws Exception {
    client.close();
    slack.close();
  }

  private static Slack client(String baseUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(baseUrl);
    config.setStatsEnabled(false);
    return Slack.getInstance(config);
  }

  private static ReviewAlert failedAt(LeadStep step, Duration waiting) {
    return new ReviewAlert(
        "lead-conv-12345",
        "conv-12345",
        step,
        "INVALID_EMAIL_ADDRESS: Email: invalid email address: potential.lead@example.com",
        "Correct the lead's data and send the 'retry' signal with the corrected fields.",
        waiting);
  }

  private static String readable(String json) {
    return new GsonBuilder().disableHtmlEscaping().create().toJson(JsonParser.parseString(json));
  }

  @Test
  void leadEnteringReviewIsAnnouncedInTheReviewChannel() {
    notifier.reviewNeeded(failedAt(LeadStep.SALESFORCE, Duration.ZERO));

    SlackEmulation.Request request = slack.requests("chat.postMessage").get(0);
    assertThat(request.authorization()).isEqualTo("Bearer xoxb-test-token");
    assertThat(request.params())
        .containsEntry("channel", "#lead-review")
        .containsEntry("text", "Lead lead-conv-12345 needs review: step SALESFORCE failed");
    assertThat(readable(request.params().get("blocks")))
        .contains("*Lead needs review*")
        .contains("Step *SALESFORCE* of `lead-conv-12345`")
        .contains("INVALID_EMAIL_ADDRESS")
        .contains("p***@example.com")
        .doesNotContain("potential.lead@example.com")
        .contains("send the 'retry' signal")
        .contains("http://localhost:8233/namespaces/default/workflows/lead-conv-12345")
        .contains(
            "http://localhost:8233/namespaces/default/workflows?query=LeadStatus%3D%22NEEDS_REVIEW%22");
    assertThat(slack.messagesIn("#lead-review").get(0).metadataPayload())
        .containsEntry("workflow_id", "lead-conv-12345")
        .containsEntry("failed_step", "SALESFORCE");
  }

  @Test
  void reminderSaysHowLongTheLeadHasWaited() {
    notifier.reviewPending(failedAt(LeadStep.SALESFORCE, Duration.ofHours(25)));

    assertThat(readable(slack.messagesIn("#lead-review").get(0).blocksJson()))
        .contains("Lead still waits for review* (for 25h)");
  }

  @Test
  void failedSlackStepIsNotAnnouncedThroughSlack() {
    notifier.reviewNeeded(failedAt(LeadStep.SLACK, Duration.ZERO));
    notifier.reviewPending(failedAt(LeadStep.SLACK, Duration.ofHours(25)));

    assertThat(slack.requests()).isEmpty();
  }

  @Test
  void slackRefusalIsLoggedNotThrown() {
    slack.failWith("not_in_channel");

    assertThatCode(() -> notifier.reviewNeeded(failedAt(LeadStep.SALESFORCE, Duration.ZERO)))
        .doesNotThrowAnyException();
    assertThat(slack.messages()).isEmpty();
  }
}
