package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.ConnectorStatus;
import com.leadprocessor.connector.LeadActivitiesConfiguration;
import com.leadprocessor.connector.review.LogReviewNotifier;
import com.leadprocessor.connector.review.ReviewNotifier;
import com.leadprocessor.connector.review.SlackReviewNotifier;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which Slack connector a worker gets, and what stops it from starting. */
class SlackModeSelectionTest {

  private static final String TOKEN = "xoxb-1234-secret";

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner().withUserConfiguration(LeadActivitiesConfiguration.class);

  @Test
  void withoutATokenAutoModeIsDryRun() {
    contextRunner.run(
        context -> {
          assertThat(context).hasSingleBean(SlackAlertActivities.class);
          assertThat(context)
              .getBean(SlackAlertActivities.class)
              .isInstanceOf(DryRunSlackAlertActivities.class);
          assertThat(context.getBeansOfType(ReviewNotifier.class).values())
              .hasExactlyElementsOfTypes(LogReviewNotifier.class);
        });
  }

  @Test
  void withATokenAutoModeIsLiveAndReportsWhereItPostsButNotTheToken() {
    contextRunner
        .withPropertyValues("leads.slack.bot-token=" + TOKEN)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SlackAlertActivities.class);
              assertThat(context)
                  .getBean(SlackAlertActivities.class)
                  .isInstanceOf(LiveSlackAlertActivities.class);
              assertThat(context).hasSingleBean(SlackReviewNotifier.class);
              assertThat(context.getBeansOfType(ConnectorStatus.class).values())
                  .extracting(ConnectorStatus::describe)
                  .contains(
                      "Slack: LIVE at https://slack.com/api/ (alerts paced to 1.0/s, default"
                          + " channel #sales-leads, review channel #lead-review)")
                  .noneMatch(line -> line.contains(TOKEN));
              assertThat(context.getBean(SlackProperties.class).toString()).doesNotContain(TOKEN);
            });
  }

  @Test
  void dryRunModeWinsOverAToken() {
    contextRunner
        .withPropertyValues("leads.slack.mode=dry-run", "leads.slack.bot-token=" + TOKEN)
        .run(
            context ->
                assertThat(context)
                    .getBean(SlackAlertActivities.class)
                    .isInstanceOf(DryRunSlackAlertActivities.class));
  }

  @Test
  void liveModeWithoutATokenStopsStartUpNamingSlackBotToken() {
    contextRunner
        .withPropertyValues("leads.slack.mode=live")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("leads.slack.mode=live needs the Slack bot token")
                    .hasMessageContaining("SLACK_BOT_TOKEN"));
  }

  @Test
  void liveModeUsesTheConfiguredApiUrlAndChannels() {
    contextRunner
        .withPropertyValues(
            "leads.slack.mode=live",
            "leads.slack.bot-token=" + TOKEN,
            "leads.slack.api-url=http://127.0.0.1:9/api/",
            "leads.slack.default-channel=C0123456789",
            "leads.slack.max-messages-per-second=0.5")
        .run(
            context ->
                assertThat(context.getBean(LiveSlackAlertActivities.class).describe())
                    .isEqualTo(
                        "Slack: LIVE at http://127.0.0.1:9/api/ (alerts paced to 0.5/s, default"
                            + " channel C0123456789, review channel #lead-review)"));
  }

  @Test
  void invalidChannelStopsStartUpNamingTheProperty() {
    contextRunner
        .withPropertyValues("leads.slack.default-channel=sales leads")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("leads.slack.default-channel")
                    .hasStackTraceContaining("must be a channel name such as #sales-leads"));
  }

  @Test
  void unknownModeStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.slack.mode=sometimes")
        .run(
            context ->
                assertThat(context).getFailure().hasStackTraceContaining("leads.slack.mode"));
  }
}
