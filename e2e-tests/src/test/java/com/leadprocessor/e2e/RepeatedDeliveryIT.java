package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.workflow.LeadStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Each event delivered five times, as an impatient or retrying sender does: three deliveries at
 * once, then one 45 s later and one 90 s later (the lead long completed), each freshly signed.
 * Exactly one is answered 202; the others 200 with the same workflow id; one workflow, one upsert
 * and one alert per lead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RepeatedDeliveryIT {

  private static final Duration SPREAD = Duration.ofSeconds(45);

  @AutoClose private LeadProcessorSystem system;

  @BeforeAll
  void startSystem() {
    system = LeadProcessorSystem.named("repeated").start();
  }

  @Test
  void fiveDeliveriesOfEachEventMakeOneLead() throws Exception {
    List<TestLead> leads =
        IntStream.rangeClosed(1, 8)
            .mapToObj(i -> TestLead.apiQuestion("conv-repeat-" + i))
            .toList();
    Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();

    List<CompletableFuture<Void>> concurrent =
        leads.stream()
            .flatMap(lead -> IntStream.range(0, 3).mapToObj(i -> lead))
            .map(lead -> CompletableFuture.runAsync(() -> deliver(lead, statuses)))
            .toList();
    CompletableFuture.allOf(concurrent.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
    Thread.sleep(SPREAD.toMillis());
    leads.forEach(lead -> deliver(lead, statuses));
    Thread.sleep(SPREAD.toMillis());
    leads.forEach(lead -> deliver(lead, statuses));

    for (TestLead lead : leads) {
      assertThat(statuses.get(lead.workflowId()))
          .as("answers to the deliveries of %s", lead.workflowId())
          .hasSize(5)
          .containsOnlyOnce(202)
          .containsOnly(202, 200);
      assertThat(system.leads().outcome(lead, Duration.ofMinutes(1)).status())
          .isEqualTo(LeadStatus.COMPLETED);
    }
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    LeadsAssert.assertOneDryRunUpsertAndAlertEach(system, leads);
    E2eFigures.record(
        "repeated-delivery",
        "%d events x 5 deliveries (3 at once, then +%d s, +%d s): %d x 202, %d x 200, one workflow, one upsert and one alert each"
            .formatted(
                leads.size(),
                SPREAD.toSeconds(),
                2 * SPREAD.toSeconds(),
                leads.size(),
                leads.size() * 4));
  }

  private void deliver(TestLead lead, Map<String, List<Integer>> statuses) {
    int status = system.webhooks().deliver(lead.messageId(), lead.body()).status();
    statuses
        .computeIfAbsent(
            lead.workflowId(),
            id -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
        .add(status);
  }
}
