package com.leadprocessor.api.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code leads.review.backlog}: how many leads wait in review, counted from Temporal visibility on
 * a schedule, so a growing backlog is noticed like a growing dead-letter queue. When Temporal
 * cannot count, the gauge keeps its last value, {@code leads.review.backlog.refresh.failures}
 * counts the misses, and only the first miss of a streak is logged. Before the first successful
 * count the gauge is NaN, which no {@code > 0} alert fires on. {@code leads.delayed}, counted with
 * it, is the number of leads whose step keeps retrying while its service is down ({@code
 * LeadStatus="DELAYED"}): they will complete on their own or enter review.
 */
final class ReviewBacklogGauge implements SmartLifecycle {

  static final String GAUGE = "leads.review.backlog";
  static final String FAILURES = "leads.review.backlog.refresh.failures";
  static final String DELAYED = "leads.delayed";

  private static final Logger log = LoggerFactory.getLogger(ReviewBacklogGauge.class);
  private static final long UNKNOWN = -1;

  private final LongSupplier backlog;
  private final LongSupplier delayed;
  private final AtomicLong delayedValue = new AtomicLong(UNKNOWN);
  private final Duration refresh;
  private final AtomicLong value = new AtomicLong(UNKNOWN);
  private final Counter failures;
  private volatile boolean failing;
  private volatile boolean stopped;
  private volatile ScheduledExecutorService scheduler;

  /**
   * @param backlog counts the leads in review; throws when it cannot
   * @param delayed counts the delayed leads; throws when it cannot
   * @param refresh the time between the end of one count and the start of the next
   */
  ReviewBacklogGauge(
      LongSupplier backlog, LongSupplier delayed, MeterRegistry registry, Duration refresh) {
    this.backlog = backlog;
    this.delayed = delayed;
    Gauge.builder(DELAYED, delayedValue, ReviewBacklogGauge::valueOf)
        .description("Leads DELAYED: a step keeps retrying while its service is down")
        .register(registry);
    this.refresh = refresh;
    Gauge.builder(GAUGE, this, ReviewBacklogGauge::current)
        // No base unit: Prometheus would append it, and alerts use the plain leads_review_backlog.
        .description("Leads waiting in NEEDS_REVIEW, counted from Temporal visibility")
        .register(registry);
    this.failures =
        Counter.builder(FAILURES)
            .description("Times the review backlog could not be counted; the gauge kept its value")
            .register(registry);
  }

  /** Counts once; the scheduler calls this, tests call it directly. */
  void refresh() {
    try {
      long count = backlog.getAsLong();
      value.set(count);
      delayedValue.set(delayed.getAsLong());
      if (failing) {
        failing = false;
        log.info("Counting the review backlog works again: {} lead(s) in review", count);
      }
    } catch (RuntimeException e) {
      if (stopped) {
        // stop() interrupted this count on shutdown: not a Temporal failure.
        return;
      }
      failures.increment();
      if (!failing) {
        failing = true;
        log.warn(
            "Could not count the leads in review ({}); {} keeps its last value until Temporal"
                + " answers again. Further failures are counted in {}, not logged.",
            e.getCause() == null ? e.toString() : e.getCause().toString(),
            GAUGE,
            FAILURES);
      }
    }
  }

  double current() {
    return valueOf(value);
  }

  double delayed() {
    return valueOf(delayedValue);
  }

  private static double valueOf(AtomicLong counted) {
    long current = counted.get();
    return current == UNKNOWN ? Double.NaN : current;
  }

  @Override
  public void start() {
    stopped = false;
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "review-backlog");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = executor;
  }

  @Override
  public void stop() {
    stopped = true;
    ScheduledExecutorService executor = scheduler;
    scheduler = null;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
