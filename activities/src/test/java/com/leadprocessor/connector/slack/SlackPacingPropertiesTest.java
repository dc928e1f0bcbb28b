package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.LeadActivitiesConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The pacing settings as a worker binds them, and what stops it from starting. */
class SlackPacingPropertiesTest {

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner().withUserConfiguration(LeadActivitiesConfiguration.class);

  @Test
  void withoutConfigurationEveryRoutedChannelAndTheDefaultChannelHaveAQueue() {
    contextRunner.run(
        context -> {
          assertThat(context.getBean(SlackPacingProperties.class))
              .isEqualTo(SlackPacingProperties.defaults());
          assertThat(context.getBean(PacedChannels.class).channelQueues())
              .containsExactlyInAnyOrder("leads-slack/#dev-sales", "leads-slack/#sales-leads");
        });
  }

  @Test
  void pacedChannelsGetAQueueOfTheirOwn() {
    contextRunner
        .withPropertyValues(
            "leads.slack.task-queue=alerts", "leads.slack.paced-channels=#escalations,C0123456789")
        .run(
            context ->
                assertThat(context.getBean(PacedChannels.class).channelQueues())
                    .contains("alerts/#escalations", "alerts/C0123456789", "alerts/#dev-sales"));
  }

  @Test
  void anEmptyPacedChannelsVariableNamesNone() {
    contextRunner
        .withPropertyValues("leads.slack.paced-channels=")
        .run(context -> assertThat(context.getBean(PacedChannels.class).channels()).hasSize(2));
  }

  @Test
  void invalidSettingsStopStartUpNamingTheProperty() {
    contextRunner
        .withPropertyValues(
            "leads.slack.coalesce-after=-1",
            "leads.slack.paced-channels=Sales Escalations",
            "leads.slack.task-queue=leads/slack")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("coalesceAfter")
                    .hasMessageContaining("must be 0 (never) or more")
                    .hasMessageContaining("pacedChannels[0]")
                    .hasMessageContaining("must not contain '/'"));
  }
}
