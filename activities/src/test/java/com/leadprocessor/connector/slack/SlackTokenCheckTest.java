package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.leadprocessor.emulation.SlackEmulation;
import com.slack.api.Slack;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SlackTokenCheckTest {

  @Test
  void validTokenIsReportedWithItsWorkspaceAndBot(CapturedOutput output) throws Exception {
    try (SlackEmulation emulation = SlackEmulation.start().expectToken("xoxb-right")) {
      check(emulation.baseUrl(), "xoxb-right");

      assertThat(output).contains("Slack token checked at").contains("workspace Emulated");
      assertThat(emulation.requests())
          .extracting(SlackEmulation.Request::method)
          .containsExactly("auth.test");
    }
  }

  @Test
  void refusedTokenIsAWarningNamingSlacksErrorNotTheToken(CapturedOutput output) throws Exception {
    try (SlackEmulation emulation = SlackEmulation.start().expectToken("xoxb-right")) {
      assertThatNoException().isThrownBy(() -> check(emulation.baseUrl(), "xoxb-wrong-secret"));

      assertThat(output)
          .contains("Slack refused the bot token")
          .contains("invalid_auth")
          .doesNotContain("xoxb-wrong-secret");
    }
  }

  @Test
  void unreachableSlackIsAWarningAndStartUpGoesOn(CapturedOutput output) {
    assertThatNoException().isThrownBy(() -> check("http://127.0.0.1:9/api/", "xoxb-right"));

    assertThat(output).contains("Could not check the Slack token");
  }

  private static void check(String apiUrl, String token) throws Exception {
    SlackProperties properties =
        new SlackProperties(
            SlackMode.LIVE,
            token,
            apiUrl,
            "#sales-leads",
            "#lead-review",
            1.0,
            Duration.ofSeconds(2));
    SlackClientConfiguration configuration = new SlackClientConfiguration();
    try (Slack slack = configuration.slack(properties)) {
      new SlackTokenCheck(configuration.slackMethods(slack, properties), properties)
          .afterSingletonsInstantiated();
    }
  }
}
