package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.emulation.SlackEmulation;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A busy channel's alerts go into one summary's thread, against the Slack emulation. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BusyChannelThreadsTest {

  private static final Duration NOT_BUSY = Duration.ofSeconds(2);
  private static final Duration BUSY = Duration.ofSeconds(12);

  private final SlackConnectorFixture fixture =
      new SlackConnectorFixture(
          50.0, new SlackPacingProperties("leads-slack", true, List.of(), 10), Set.of());
  private final SlackEmulation slack = fixture.emulation;

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  private BusyChannelThreads threads(int coalesceAfter) {
    return new BusyChannelThreads(
        fixture.methods,
        new ChannelPacer(fixture.properties),
        fixture.properties,
        new SlackPacingProperties("leads-slack", true, List.of(), coalesceAfter));
  }

  @Test
  void alertThatWaitedBehindFewerThanTheThresholdGoesToTheChannel() throws Exception {
    // At 50 messages a second, 2s of waiting is about 100 alerts ahead; the threshold is 1000.
    assertThat(threads(1000).threadFor("#dev-sales", NOT_BUSY)).isNull();

    assertThat(slack.messages()).isEmpty();
  }

  @Test
  void busyChannelOpensOneSummaryAndItsAlertsShareItsThread() throws Exception {
    BusyChannelThreads threads = threads(10);

    String first = threads.threadFor("#dev-sales", BUSY);
    String second = threads.threadFor("#dev-sales", BUSY);

    assertThat(first).isNotNull().isEqualTo(second);
    assertThat(slack.messagesIn("#dev-sales"))
        .singleElement()
        .satisfies(
            summary -> {
              assertThat(summary.ts()).isEqualTo(first);
              assertThat(summary.text()).contains("follow in this thread");
            });
  }

  @Test
  void onceTheBacklogDrainsAlertsGoToTheChannelAndTheNextBurstOpensANewSummary() throws Exception {
    BusyChannelThreads threads = threads(10);
    String firstBurst = threads.threadFor("#dev-sales", BUSY);

    assertThat(threads.threadFor("#dev-sales", Duration.ZERO)).isNull();
    String secondBurst = threads.threadFor("#dev-sales", BUSY);

    assertThat(secondBurst).isNotNull().isNotEqualTo(firstBurst);
    assertThat(slack.messagesIn("#dev-sales")).hasSize(2);
  }

  @Test
  void alertsThatWaitedLessThanTheThresholdKeepJoiningTheOpenSummaryUntilTheBacklogDrains()
      throws Exception {
    BusyChannelThreads threads = threads(10);
    String summary = threads.threadFor("#dev-sales", BUSY);

    // At 50 messages a second, 0.1s is about 5 alerts ahead: fewer than 10, but still a backlog.
    assertThat(threads.threadFor("#dev-sales", Duration.ofMillis(100))).isEqualTo(summary);
    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
  }

  @Test
  void eachChannelHasItsOwnSummary() throws Exception {
    BusyChannelThreads threads = threads(10);

    String devSales = threads.threadFor("#dev-sales", BUSY);
    String enterprise = threads.threadFor("#enterprise", BUSY);

    assertThat(devSales).isNotEqualTo(enterprise);
    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(slack.messagesIn("#enterprise")).hasSize(1);
  }

  @Test
  void zeroNeverCoalesces() throws Exception {
    assertThat(threads(0).threadFor("#dev-sales", Duration.ofHours(1))).isNull();

    assertThat(slack.messages()).isEmpty();
  }

  @Test
  void summarySlackRefusesLeavesTheAlertInTheChannel() throws Exception {
    slack.failWith("channel_not_found");

    assertThat(threads(10).threadFor("#dev-sales", BUSY)).isNull();
  }
}
