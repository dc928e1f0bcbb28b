package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.SignedWebhookClient.Delivery;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.workflow.LeadOutcome;
import com.leadprocessor.workflow.LeadStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Signed events in, through separate processes and a real Temporal server, each lead once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SignedDeliveryIT {

  @AutoClose private LeadProcessorSystem system;

  @BeforeAll
  void startSystem() {
    system = LeadProcessorSystem.named("delivery").start();
  }

  @Test
  void everySignedLeadCompletesOnceAndRedeliveriesAreAnswered200() {
    List<TestLead> leads =
        IntStream.rangeClosed(1, 10)
            .mapToObj(i -> TestLead.apiQuestion("conv-delivery-" + i))
            .toList();
    long started = System.nanoTime();

    for (TestLead lead : leads) {
      Delivery first = system.webhooks().deliver(lead.messageId(), lead.body());
      assertThat(first.status()).as("first delivery of %s: %s", lead, first.body()).isEqualTo(202);
      assertThat(first.body()).contains(lead.workflowId());
    }
    for (TestLead lead : leads) {
      Delivery again = system.webhooks().deliver(lead.messageId(), lead.body());
      assertThat(again.status()).as("redelivery of %s: %s", lead, again.body()).isEqualTo(200);
      assertThat(again.body()).contains(lead.workflowId());
    }

    for (TestLead lead : leads) {
      LeadOutcome outcome = system.leads().outcome(lead, Duration.ofSeconds(90));
      assertThat(outcome.status()).as(lead.workflowId()).isEqualTo(LeadStatus.COMPLETED);
      assertThat(system.leads().executionsOf(lead)).as("runs of " + lead.workflowId()).hasSize(1);
    }
    Duration allDone = Duration.ofNanos(System.nanoTime() - started);

    // The worker started with the embedding model and routed the question by what it means.
    assertThat(system.leads().state(leads.get(0)).routeExplanation())
        .startsWith("topic api 0.")
        .contains(", like \"");
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    LeadsAssert.assertOneDryRunUpsertAndAlertEach(system, leads);
    E2eFigures.record(
        "delivery",
        leads.size()
            + " leads + "
            + leads.size()
            + " redeliveries: "
            + leads.size()
            + " x 202, "
            + leads.size()
            + " x 200, "
            + leads.size()
            + " COMPLETED in "
            + allDone.toMillis()
            + " ms");
  }
}
