package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.ProcessUsage;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.workflow.LeadStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** What one measurement saw: throughput and the cores each process used meanwhile. */
  private record Measured(double leadsPerSecond, Map<String, Double> cores) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("%.1f leads/s, cores used:".formatted(leadsPerSecond));
      cores.forEach((name, used) -> text.append(" %s %.2f".formatted(name, used)));
      return text.toString();
    }
  }

  @Test
  void completedLeadsPerSecondWithOneAndThreeWorkers() throws Exception {
    Measured one = measure(1);
    Measured three = measure(3);

    E2eFigures.record(
        "scaling",
        String.format(
            "%d leads, dry-run connectors, Slack pace lifted, 16 concurrent senders, dev server"
                + " with SQLite in WAL mode: 1 worker %s; 3 workers %s; ratio %.2f",
            LEADS, one, three, three.leadsPerSecond() / one.leadsPerSecond()));
  }

  private Measured measure(int workers) throws Exception {
    try (LeadProcessorSystem system =
        LeadProcessorSystem.named("scaling-" + workers)
            .workers(workers)
            .temporalOptions(
                List.of(
                    "--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=normal"))
            // The Slack pace (1/s by default) would cap throughput at one lead a second; the
            // measurement is about the workers, so the dry-run alerts are not paced here.
            .workerEnv("SLACK_MAX_MESSAGES_PER_SECOND", "500")
            .start()) {
      Map<String, Long> processes = new LinkedHashMap<>();
      processes.put("temporal", system.temporal().pid());
      processes.put("webhook-api", system.api().pid());
      for (int i = 0; i < system.workers().size(); i++) {
        processes.put("worker-" + (i + 1), system.workers().get(i).pid());
      }
      Map<String, ProcessUsage> before = new LinkedHashMap<>();
      processes.forEach((name, pid) -> before.put(name, ProcessUsage.of(pid)));
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
      Map<String, Double> cores = new LinkedHashMap<>();
      processes.forEach(
          (name, pid) -> cores.put(name, ProcessUsage.of(pid).coresSince(before.get(name))));
      return new Measured(LEADS / seconds, cores);
    }
  }
}
