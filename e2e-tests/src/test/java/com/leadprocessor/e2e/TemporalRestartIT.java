package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.Pause;
import com.leadprocessor.e2e.harness.SignedWebhookClient.Delivery;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.workflow.LeadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The Temporal server (same database file) and the webhook API restart mid-run: every lead the API
 * acknowledged completes; deliveries during the outage are refused with 503 and Retry-After and
 * accepted when the sender retries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TemporalRestartIT {

  @AutoClose private LeadProcessorSystem system;

  @BeforeAll
  void startSystem() {
    system =
        LeadProcessorSystem.named("restart")
            .apiEnv("LEADS_TEMPORAL_STARTTIMEOUT", "2s")
            .apiEnv("LEADS_TEMPORAL_RETRYAFTER", "1s")
            .start();
  }

  @Test
  void nothingAcceptedIsLostWhenTemporalAndTheApiRestart() {
    List<TestLead> before = leads("before", 8);
    List<TestLead> duringOutage = leads("outage", 4);
    List<TestLead> after = leads("after", 8);

    before.forEach(lead -> assertThat(deliver(lead).status()).isEqualTo(202));
    // Stopped at once, while the leads just accepted are still being processed.
    system.temporal().stop();
    Instant outageStarted = Instant.now();

    for (TestLead lead : duringOutage) {
      Delivery refused = deliver(lead);
      assertThat(refused.status()).as("during the outage: %s", refused.body()).isEqualTo(503);
      assertThat(refused.retryAfter()).as("Retry-After").hasValue(Duration.ofSeconds(1));
    }

    system.temporal().restart();
    system.api().restart();
    Duration outage = Duration.between(outageStarted, Instant.now());

    int attempts = 0;
    for (TestLead lead : duringOutage) {
      attempts += deliverUntilAccepted(lead);
    }
    after.forEach(lead -> assertThat(deliver(lead).status()).isEqualTo(202));

    List<TestLead> all = Stream.of(before, duringOutage, after).flatMap(List::stream).toList();
    Instant waitStarted = Instant.now();
    for (TestLead lead : all) {
      assertThat(system.leads().outcome(lead, Duration.ofSeconds(150)).status())
          .as(lead.workflowId())
          .isEqualTo(LeadStatus.COMPLETED);
    }
    LeadsAssert.assertEachLeadCompletedOnce(system, all);
    int repeated =
        LeadsAssert.assertDryRunCallsRepeatedOnlyAfterTheKill(system, all, system.workerLogs());
    E2eFigures.record(
        "restart",
        before.size()
            + " accepted before the restart, "
            + duringOutage.size()
            + " refused 503 + Retry-After: 1 during it, then accepted when retried (in "
            + attempts
            + " attempts), "
            + after.size()
            + " after it; Temporal and the API were out for "
            + outage.toMillis()
            + " ms; all "
            + all.size()
            + " COMPLETED once, the last "
            + Duration.between(waitStarted, Instant.now()).toMillis()
            + " ms after the last delivery; leads with a repeated connector call: "
            + repeated);
  }

  private Delivery deliver(TestLead lead) {
    return system.webhooks().deliver(lead.messageId(), lead.body());
  }

  /** Redelivers as a Standard Webhooks sender does, honouring Retry-After; returns the attempts. */
  private int deliverUntilAccepted(TestLead lead) {
    List<Delivery> answers = new ArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      Delivery delivery = deliver(lead);
      answers.add(delivery);
      if (delivery.accepted()) {
        return answers.size();
      }
      assertThat(delivery.status()).as("answer while Temporal comes back").isIn(503, -1);
      Pause.of(delivery.retryAfter().orElse(Duration.ofSeconds(1)));
    }
    throw new AssertionError(lead.workflowId() + " was never accepted: " + answers);
  }

  private static List<TestLead> leads(String phase, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> TestLead.apiQuestion("conv-restart-" + phase + "-" + i))
        .toList();
  }
}
