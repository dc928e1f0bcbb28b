package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Posts to one channel are sent an interval apart, whatever their answers take; after an idle
 * interval the next post counts from the answer; a turn past the caller's deadline is given up.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChannelPacerTest {

  /** 2 posts a second, less the headroom: an interval of about 526 ms. */
  private static final double LIMIT = 2;

  /** Far longer than an interval, so that waiting for it would show. */
  private static final Duration SLOW_ANSWER = Duration.ofSeconds(4);

  private static final long INTERVAL_NANOS =
      Math.round(1_000_000_000L / (LIMIT * SlackProperties.PACE_SHARE_OF_LIMIT));

  private final ChannelPacer pacer = new ChannelPacer(properties());
  private final ExecutorService senders = Executors.newFixedThreadPool(4);
  private final List<Long> sentAt = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    senders.shutdownNow();
  }

  private static SlackProperties properties() {
    return new SlackProperties(
        SlackMode.LIVE,
        "xoxb-test",
        "http://127.0.0.1:1/api/",
        "#sales-leads",
        "#lead-review",
        LIMIT,
        Duration.ofSeconds(10));
  }

  private Future<String> postTo(String channel, Duration answerTakes) {
    return senders.submit(
        () ->
            pacer.paced(
                channel,
                () -> {
                  sentAt.add(System.nanoTime());
                  sleep(answerTakes);
                  return "ok";
                }));
  }

  @Test
  void postsToOneChannelAreSentAnIntervalApartWithoutWaitingForSlowAnswers() throws Exception {
    postTo("#dev-sales", Duration.ZERO).get(); // the channel is busy from here on
    long before = System.nanoTime();
    List<Future<String>> posts =
        List.of(
            postTo("#dev-sales", SLOW_ANSWER),
            postTo("#dev-sales", SLOW_ANSWER),
            postTo("#dev-sales", SLOW_ANSWER));
    for (Future<String> post : posts) {
      post.get();
    }

    List<Long> sends = sentAt.subList(1, sentAt.size());
    for (int i = 1; i < sends.size(); i++) {
      assertThat(sends.get(i) - sends.get(i - 1)).isGreaterThanOrEqualTo(INTERVAL_NANOS);
    }
    // Each waited for the interval, none for the slow answer of the one before.
    assertThat(sends.get(sends.size() - 1) - before).isLessThan(SLOW_ANSWER.toNanos());
  }

  @Test
  void firstPostAfterAnIdleIntervalHoldsTheNextOneUntilItsAnswerAndAnIntervalMore()
      throws Exception {
    CountDownLatch answered = new CountDownLatch(1);
    Future<String> first =
        senders.submit(
            () ->
                pacer.paced(
                    "#dev-sales",
                    () -> {
                      sentAt.add(System.nanoTime());
                      sleep(Duration.ofMillis(300));
                      answered.countDown();
                      return "ok";
                    }));
    while (sentAt.isEmpty()) {
      Thread.sleep(5);
    }
    postTo("#dev-sales", Duration.ZERO).get();
    first.get();

    long answeredAt = sentAt.get(0) + TimeUnit.MILLISECONDS.toNanos(300);
    assertThat(sentAt.get(1) - answeredAt).isGreaterThanOrEqualTo(INTERVAL_NANOS);
  }

  @Test
  void turnThatComesAfterTheDeadlineIsGivenUpAtOnceWithNothingSent() throws Exception {
    postTo("#dev-sales", Duration.ZERO).get();
    postTo("#dev-sales", Duration.ZERO).get();
    int sent = sentAt.size();

    assertThatThrownBy(
            () ->
                pacer.paced(
                    "#dev-sales",
                    System.nanoTime() + INTERVAL_NANOS / 10,
                    () -> {
                      sentAt.add(System.nanoTime());
                      return "ok";
                    }))
        .isInstanceOf(ChannelPacer.TurnTooLate.class);
    assertThat(sentAt).hasSize(sent);
  }

  @Test
  void anotherChannelIsNotHeldUp() throws Exception {
    postTo("#dev-sales", Duration.ZERO).get();
    long before = System.nanoTime();
    postTo("#dev-sales", Duration.ZERO);

    postTo("#sales-leads", Duration.ZERO).get();

    assertThat(System.nanoTime() - before).isLessThan(INTERVAL_NANOS);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
