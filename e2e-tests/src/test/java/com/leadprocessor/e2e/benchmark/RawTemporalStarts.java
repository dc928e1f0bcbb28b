package com.leadprocessor.e2e.benchmark;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The benchmark's durable-start baseline: workflow starts from a plain Temporal SDK client, as fast
 * as {@code concurrency} callers can make them, on a task queue no worker polls. The server
 * persists each start as the webhook API's start does; nothing else happens.
 */
final class RawTemporalStarts {

  /** What the run saw: starts per second and the latency of one start, in microseconds. */
  record Result(long starts, double seconds, Histogram startMicros) {
    double startsPerSecond() {
      return starts / seconds;
    }
  }

  private RawTemporalStarts() {}

  static Result measure(String address, int concurrency, Duration duration) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    try {
      WorkflowClient client = WorkflowClient.newInstance(service);
      String runId = UUID.randomUUID().toString().substring(0, 8);
      AtomicLong sequence = new AtomicLong();
      Histogram latencies = new ConcurrentHistogram(3);
      ExecutorService callers = Executors.newFixedThreadPool(concurrency);
      long started = System.nanoTime();
      long deadline = started + duration.toNanos();
      for (int i = 0; i < concurrency; i++) {
        callers.execute(
            () -> {
              while (System.nanoTime() < deadline) {
                long begin = System.nanoTime();
                client
                    .newUntypedWorkflowStub(
                        "BaselineWorkflow",
                        WorkflowOptions.newBuilder()
                            .setWorkflowId("baseline-" + runId + "-" + sequence.incrementAndGet())
                            .setTaskQueue("benchmark-baseline")
                            .build())
                    .start("baseline");
                latencies.recordValue((System.nanoTime() - begin) / 1000);
              }
            });
      }
      callers.shutdown();
      if (!callers.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Workflow starts still running a minute after the end");
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Result(latencies.getTotalCount(), seconds, latencies);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      service.shutdown();
      service.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
