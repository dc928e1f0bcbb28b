package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.AppProcess;
import com.leadprocessor.e2e.harness.DryRunConnectorLog;
import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.Pause;
import com.leadprocessor.e2e.harness.SignedWebhookClient.Delivery;
import com.leadprocessor.e2e.harness.TestLead;
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

/** Two worker processes; one is killed with SIGKILL while leads are in flight. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class WorkerFailoverIT {

  private static final int LEADS = 30;
  private static final int KILL_AFTER = 10;

  @AutoClose private LeadProcessorSystem system;

  @BeforeAll
  void startSystem() {
    system = LeadProcessorSystem.named("failover").workers(2).start();
  }

  @Test
  void killingAWorkerMidFlightLosesNoLeadAndCompletesNoneTwice() {
    List<TestLead> leads =
        IntStream.rangeClosed(1, LEADS)
            .mapToObj(i -> TestLead.apiQuestion("conv-failover-" + i))
            .toList();
    AppProcess doomed = system.workers().get(0);
    long started = System.nanoTime();

    for (int i = 0; i < LEADS; i++) {
      if (i == KILL_AFTER) {
        await("the worker to be killed has taken part")
            .atMost(Duration.ofSeconds(30))
            .until(() -> !DryRunConnectorLog.salesforceUpserts(doomed.logText()).isEmpty());
        doomed.kill();
        E2eFigures.record(
            "failover",
            "killed "
                + doomed.name()
                + " (SIGKILL) after "
                + KILL_AFTER
                + " of "
                + LEADS
                + " leads were accepted");
      }
      Delivery delivery = system.webhooks().deliver(leads.get(i).messageId(), leads.get(i).body());
      assertThat(delivery.status()).as("delivery %d: %s", i, delivery.body()).isEqualTo(202);
      Pause.of(Duration.ofMillis(150));
    }

    for (TestLead lead : leads) {
      assertThat(system.leads().outcome(lead, Duration.ofSeconds(120)).status())
          .as(lead.workflowId())
          .isEqualTo(LeadStatus.COMPLETED);
    }
    Duration allDone = Duration.ofNanos(System.nanoTime() - started);

    assertThat(doomed.isAlive()).isFalse();
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    String killedLogs = doomed.logText();
    int repeated = LeadsAssert.assertDryRunCallsRepeatedOnlyAfterTheKill(system, leads, killedLogs);
    E2eFigures.record(
        "failover",
        LEADS
            + " leads COMPLETED once each in "
            + allDone.toMillis()
            + " ms; the killed worker had"
            + " made "
            + DryRunConnectorLog.salesforceUpserts(killedLogs).size()
            + " Salesforce upserts before dying; leads with a repeated connector call: "
            + repeated);
  }
}
