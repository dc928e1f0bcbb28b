package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.workflow.LeadStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Measures completed leads per second with 1 and then 3 worker processes against the same kind of
 * dev server, dry-run connectors. A measurement, not a test of speed: it asserts only that every
 * lead completed, and records the figures. Not part of {@code verify} (its name does not end in
 * IT); run it with {@code ./mvnw -B -pl e2e-tests -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WorkerScalingMeasurement}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class WorkerScalingMeasurement {

  private static final int LEADS = 150;

  @Test
  void completedLeadsPerSecondWithOneAndThreeWorkers() throws Exception {
    double one = measure(1);
    double three = measure(3);

    E2eFigures.record(
        "scaling",
        String.format(
            "%d leads, dry-run connectors, Slack pace lifted, 16 concurrent senders: 1 worker %.1f leads/s, 3 workers"
                + " %.1f leads/s, ratio %.2f (2 cores shared by the dev server, the API and the"
                + " workers)",
            LEADS, one, three, three / one));
  }

  private double measure(int workers) throws Exception {
    try (LeadProcessorSystem system =
        LeadProcessorSystem.named("scaling-" + workers)
            .workers(workers)
            // The Slack pace (1/s by default) would cap throughput at one lead a second; the
            // measurement is about the workers, so the dry-run alerts are not paced here.
            .workerEnv("SLACK_MAX_MESSAGES_PER_SECOND", "500")
            .start()) {
      List<TestLead> leads =
          IntStream.rangeClosed(1, LEADS)
              .mapToObj(i -> TestLead.apiQuestion("conv-scale-" + workers + "-" + i))
              .toList();
      ExecutorService senders = Executors.newFixedThreadPool(16);
      long started = System.nanoTime();
      try {
        List<Future<Integer>> statuses =
            leads.stream()
                .map(
                    lead ->
                        senders.submit(
                            () ->
                                system.webhooks().deliver(lead.messageId(), lead.body()).status()))
                .toList();
        for (Future<Integer> status : statuses) {
          assertThat(status.get()).isEqualTo(202);
        }
      } finally {
        senders.shutdown();
      }
      for (TestLead lead : leads) {
        assertThat(system.leads().outcome(lead, Duration.ofMinutes(3)).status())
            .isEqualTo(LeadStatus.COMPLETED);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return LEADS / seconds;
    }
  }
}
