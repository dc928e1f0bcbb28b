package com.leadprocessor.e2e.benchmark;

import com.leadprocessor.e2e.harness.SignedWebhookClient;
import com.leadprocessor.e2e.harness.SignedWebhookClient.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends signed lead-capture webhooks, as the chatbot platform does, either at a fixed rate (open
 * loop: a slow answer does not slow the sending down, and its latency counts from when the request
 * was due, so queueing is not hidden) or at saturation (a fixed number of senders, each sending its
 * next request as soon as the previous one is answered).
 */
final class LoadGenerator {

  /** One answered delivery. */
  record Sent(LeadMix.Delivery delivery, long sentAtMillis, int status) {}

  /**
   * What a load phase saw.
   *
   * @param ackMicros acknowledgement latency of every request, in microseconds
   */
  record Result(
      String phase,
      double seconds,
      List<Sent> sent,
      Histogram ackMicros,
      Map<Integer, Integer> statuses) {

    double requestsPerSecond() {
      return sent.size() / seconds;
    }

    double acceptedPerSecond() {
      return sent.stream().filter(s -> s.status() == 202 || s.status() == 200).count() / seconds;
    }

    double percentileMillis(double percentile) {
      return ackMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
      return ackMicros.getMaxValue() / 1000.0;
    }
  }

  private final SignedWebhookClient client;

  LoadGenerator(SignedWebhookClient client) {
    this.client = client;
  }

  /**
   * Sends {@code perSecond} deliveries a second for {@code duration}, at most {@code concurrency}
   * at once.
   */
  Result atRate(String phase, LeadMix mix, double perSecond, Duration duration, int concurrency) {
    ExecutorService senders = Executors.newFixedThreadPool(concurrency);
    List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    Histogram latencies = new ConcurrentHistogram(3);
    long count = Math.round(perSecond * duration.toMillis() / 1000.0);
    long intervalNanos = Math.round(1e9 / perSecond);
    long started = System.nanoTime();
    for (long i = 0; i < count; i++) {
      long due = started + i * intervalNanos;
      LockSupport.parkNanos(due - System.nanoTime());
      LeadMix.Delivery delivery = mix.next();
      senders.execute(() -> sent.add(send(delivery, due, latencies)));
    }
    awaitTermination(senders);
    return result(phase, started, sent, latencies);
  }

  /**
   * {@code concurrency} senders, each sending again as soon as it is answered, for {@code
   * duration}.
   */
  Result atSaturation(String phase, LeadMix mix, int concurrency, Duration duration) {
    ExecutorService senders = Executors.newFixedThreadPool(concurrency);
    List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    Histogram latencies = new ConcurrentHistogram(3);
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    for (int i = 0; i < concurrency; i++) {
      senders.execute(
          () -> {
            while (System.nanoTime() < deadline) {
              sent.add(send(mix.next(), System.nanoTime(), latencies));
            }
          });
    }
    awaitTermination(senders);
    return result(phase, started, sent, latencies);
  }

  /**
   * Sends {@code count} deliveries as fast as {@code concurrency} senders can, each sending its
   * next as soon as it is answered: a burst.
   */
  Result burst(String phase, LeadMix mix, int count, int concurrency) {
    ExecutorService senders = Executors.newFixedThreadPool(concurrency);
    List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    Histogram latencies = new ConcurrentHistogram(3);
    AtomicInteger left = new AtomicInteger(count);
    long started = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      senders.execute(
          () -> {
            while (left.getAndDecrement() > 0) {
              sent.add(send(mix.next(), System.nanoTime(), latencies));
            }
          });
    }
    awaitTermination(senders);
    return result(phase, started, sent, latencies);
  }

  private Sent send(LeadMix.Delivery delivery, long dueNanos, Histogram latencies) {
    long sentAtMillis = System.currentTimeMillis();
    Delivery answer = client.deliver(delivery.lead().messageId(), delivery.lead().body());
    latencies.recordValue(Math.max(0, (System.nanoTime() - dueNanos) / 1000));
    return new Sent(delivery, sentAtMillis, answer.status());
  }

  private static Result result(String phase, long started, List<Sent> sent, Histogram latencies) {
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<Integer, Integer> statuses = new TreeMap<>();
    synchronized (sent) {
      sent.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
    }
    return new Result(phase, seconds, List.copyOf(sent), latencies, statuses);
  }

  private static void awaitTermination(ExecutorService senders) {
    senders.shutdown();
    try {
      if (!senders.awaitTermination(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Senders still busy after 5 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
