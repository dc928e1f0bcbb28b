package com.leadprocessor.api.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReviewBacklogGaugeTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final FakeBacklog backlog = new FakeBacklog();
  final FakeBacklog delayed = new FakeBacklog();
  final ReviewBacklogGauge gauge =
      new ReviewBacklogGauge(backlog::count, delayed::count, registry, Duration.ofSeconds(30));

  /** Counts like visibility does, or fails like an unreachable Temporal. */
  static final class FakeBacklog {
    final AtomicLong leads = new AtomicLong();
    final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    final AtomicLong calls = new AtomicLong();

    long count() {
      calls.incrementAndGet();
      RuntimeException down = failure.get();
      if (down != null) {
        throw down;
      }
      return leads.get();
    }
  }

  @Test
  void delayedLeadsAreCountedBesideTheBacklog() {
    backlog.leads.set(2);
    delayed.leads.set(7);

    gauge.refresh();

    assertThat(registry.get(ReviewBacklogGauge.DELAYED).gauge().value()).isEqualTo(7.0);
    assertThat(backlogValue()).isEqualTo(2.0);
  }

  double backlogValue() {
    return registry.get(ReviewBacklogGauge.GAUGE).gauge().value();
  }

  double failures() {
    return registry.get(ReviewBacklogGauge.FAILURES).counter().count();
  }

  @Test
  void gaugeIsUnknownUntilTheFirstCount() {
    assertThat(backlogValue()).isNaN();
    assertThat(failures()).isZero();
  }

  @Test
  void gaugeShowsTheLeadsInReview() {
    backlog.leads.set(23);

    gauge.refresh();

    assertThat(backlogValue()).isEqualTo(23);
  }

  @Test
  void temporalDownKeepsTheLastValueAndCountsTheFailures() {
    backlog.leads.set(7);
    gauge.refresh();
    backlog.failure.set(new IllegalStateException("UNAVAILABLE: io exception"));

    gauge.refresh();
    gauge.refresh();

    assertThat(backlogValue()).isEqualTo(7);
    assertThat(failures()).isEqualTo(2);
  }

  @Test
  void recoveryUpdatesTheValueAgain() {
    backlog.failure.set(new IllegalStateException("UNAVAILABLE"));
    gauge.refresh();
    assertThat(backlogValue()).isNaN();

    backlog.failure.set(null);
    backlog.leads.set(0);
    gauge.refresh();

    assertThat(backlogValue()).isZero();
    assertThat(failures()).isEqualTo(1);
  }

  @Test
  @Timeout(10)
  void startedGaugeCountsAtOnceAndStopsCleanly() {
    backlog.leads.set(3);

    gauge.start();
    try {
      await().untilAsserted(() -> assertThat(backlog.calls.get()).isPositive());
      assertThat(gauge.isRunning()).isTrue();
    } finally {
      gauge.stop();
    }

    assertThat(gauge.isRunning()).isFalse();
    assertThat(backlogValue()).isEqualTo(3);
  }
}
