package com.leadprocessor.connector.salesforce;

import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.exampleRequest;
import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.liveAgainst;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.emulation.SalesforceEmulation;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live activity under Temporal's retry policy against the emulation: an outage within the
 * budget heals into exactly one Lead; one beyond it reaches the workflow as a failed activity.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SalesforceThroughTemporalTest {

  private static final String TASK_QUEUE = "salesforce-test";

  private static SalesforceEmulation salesforce;
  private TestWorkflowEnvironment environment;

  @BeforeAll
  static void startSalesforce() {
    salesforce = SalesforceEmulation.start();
  }

  @AfterAll
  static void stopSalesforce() {
    salesforce.close();
  }

  @BeforeEach
  void startTemporal() {
    salesforce.reset();
    environment = TestWorkflowEnvironment.newInstance();
    Worker worker = environment.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(SalesforceProbeWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        LiveSalesforceLeadActivities.of(liveAgainst(salesforce)));
    environment.start();
  }

  @AfterEach
  void stopTemporal() {
    environment.close();
  }

  @Test
  void outageWithinTheRetryBudgetHealsIntoExactlyOneLead() {
    salesforce.outage(3);

    SalesforceProbeWorkflow.Outcome outcome = probe().upsert(exampleRequest(), 5);

    assertThat(outcome.failureType()).isNull();
    assertThat(outcome.lead().created()).isTrue();
    assertThat(salesforce.leads()).hasSize(1);
    assertThat(salesforce.lead("conv-12345").orElseThrow().id()).isEqualTo(outcome.lead().id());
    assertThat(salesforce.upsertRequests()).hasSize(4);
    assertThat(salesforce.tokenRequests()).hasSize(1);
  }

  @Test
  void outageLongerThanTheRetryBudgetReachesTheWorkflowAsUnavailable() {
    salesforce.down();

    SalesforceProbeWorkflow.Outcome outcome = probe().upsert(exampleRequest(), 3);

    assertThat(outcome.lead()).isNull();
    assertThat(outcome.failureType()).isEqualTo("UNAVAILABLE");
    assertThat(outcome.failureMessage()).isEqualTo("Salesforce is unavailable: 503");
    assertThat(outcome.retryState()).isEqualTo("RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED");
    assertThat(salesforce.upsertRequests()).hasSize(3);
    assertThat(salesforce.leads()).isEmpty();
  }

  @Test
  void permanentRefusalIsNotRetried() {
    salesforce.rejectNextWith(
        com.leadprocessor.emulation.SalesforceEmulationRejection.error(
            400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Company]", "Company"));

    SalesforceProbeWorkflow.Outcome outcome = probe().upsert(exampleRequest(), 5);

    assertThat(outcome.failureType()).isEqualTo("INVALID_LEAD_DATA");
    assertThat(outcome.retryState()).isEqualTo("RETRY_STATE_NON_RETRYABLE_FAILURE");
    assertThat(salesforce.upsertRequests()).hasSize(1);
  }

  private SalesforceProbeWorkflow probe() {
    return environment
        .getWorkflowClient()
        .newWorkflowStub(
            SalesforceProbeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("lead-conv-12345")
                .setTaskQueue(TASK_QUEUE)
                .build());
  }
}
