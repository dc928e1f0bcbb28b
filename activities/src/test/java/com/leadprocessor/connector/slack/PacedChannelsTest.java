package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which task queue an alert waits on. */
class PacedChannelsTest {

  private static final SlackPacingProperties PACING =
      new SlackPacingProperties("leads-slack", true, List.of(), 10);

  private final PacedChannels channels =
      new PacedChannels(Set.of("#dev-sales", "#sales-leads"), PACING);
  private final ChannelAlertQueues queues =
      new ChannelAlertQueues(channels, SlackProperties.defaults());

  @Test
  void configuredChannelWaitsOnItsOwnQueue() {
    assertThat(queues.alertQueueFor("#dev-sales")).isEqualTo("leads-slack/#dev-sales");
    assertThat(channels.isChannelQueue("leads-slack/#dev-sales")).isTrue();
  }

  @Test
  void routeWithoutAChannelWaitsOnTheDefaultChannelsQueue() {
    assertThat(queues.alertQueueFor(null)).isEqualTo("leads-slack/#sales-leads");
    assertThat(queues.alertQueueFor(" ")).isEqualTo("leads-slack/#sales-leads");
  }

  @Test
  void channelNoConfigurationNamesSharesTheSlackQueue() {
    // A reviewer's corrected channel: no worker polls a queue of its own.
    assertThat(queues.alertQueueFor("#enterprise")).isEqualTo("leads-slack");
    assertThat(channels.isChannelQueue("leads-slack")).isFalse();
  }

  @Test
  void withQueuesPerChannelOffEveryAlertSharesTheSlackQueue() {
    PacedChannels off =
        new PacedChannels(
            Set.of("#dev-sales"), new SlackPacingProperties("leads-slack", false, List.of(), 10));

    assertThat(off.queueFor("#dev-sales")).isEqualTo("leads-slack");
    assertThat(off.channelQueues()).isEmpty();
  }

  @Test
  void everyPacedChannelHasAQueueNamedAfterIt() {
    assertThat(channels.channelQueues())
        .containsExactlyInAnyOrder("leads-slack/#dev-sales", "leads-slack/#sales-leads");
  }
}
