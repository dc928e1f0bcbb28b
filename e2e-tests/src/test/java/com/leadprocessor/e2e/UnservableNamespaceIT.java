package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadprocessor.e2e.harness.E2eEnvironment;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.workflow.LeadOutcome;
import com.leadprocessor.workflow.LeadSearchAttributes;
import com.leadprocessor.workflow.LeadStatus;
import io.temporal.api.enums.v1.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A namespace set up before {@code LeadRoute} existed: the worker refuses it at start-up instead of
 * polling, so the lead the API accepted waits with no failed workflow task until an operator adds
 * the attribute, and then completes.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UnservableNamespaceIT {

  @AutoClose private LeadProcessorSystem system;

  @Test
  void workerRefusesNamespaceWithoutLeadRouteAndTheAcceptedLeadCompletesOnceItIsAdded()
      throws IOException {
    system =
        LeadProcessorSystem.named("unservable")
            .workers(0)
            // Every attribute but LeadRoute; LeadEmailHash too, which the API sets at start.
            .searchAttributes(
                List.of(
                    LeadSearchAttributes.LEAD_STATUS,
                    LeadSearchAttributes.LEAD_FAILED_STEP,
                    LeadSearchAttributes.LEAD_EMAIL_HASH))
            .start();
    TestLead lead = TestLead.apiQuestion("conv-unservable-1");
    assertThat(system.webhooks().deliver(lead.messageId(), lead.body()).status()).isEqualTo(202);

    assertThatThrownBy(system::startWorker).hasMessageContaining("exited 1 while starting");

    String log =
        Files.readString(
            E2eEnvironment.buildSubdir("e2e-logs").resolve("unservable-worker-1.log"),
            StandardCharsets.UTF_8);
    assertThat(log)
        .contains("missing search attribute(s) LeadRoute (Keyword)")
        .contains(
            "temporal operator search-attribute create --namespace default --name LeadRoute"
                + " --type Keyword")
        .doesNotContain("Lead worker ready");
    assertThat(workflowTaskFailures(lead)).isZero();
    assertThat(system.leads().executionsOf(lead)).hasSize(1);

    system
        .temporal()
        .cli()
        .run(
            "operator",
            "search-attribute",
            "create",
            "--namespace",
            "default",
            "--name",
            "LeadRoute",
            "--type",
            "Keyword");
    system.startWorker();

    LeadOutcome outcome = system.leads().outcome(lead, Duration.ofSeconds(90));
    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(workflowTaskFailures(lead)).isZero();
  }

  private long workflowTaskFailures(TestLead lead) {
    return system.leads().history(lead).getEventsList().stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
        .count();
  }
}
