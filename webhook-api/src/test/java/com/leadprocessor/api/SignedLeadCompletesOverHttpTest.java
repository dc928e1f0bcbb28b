package com.leadprocessor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.FakeLeadActivities;
import com.leadprocessor.workflow.LeadOutcome;
import com.leadprocessor.workflow.LeadSearchAttributes;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadWorkflowImpl;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A signed POST to the running API ends in a completed lead: the real {@code LeadWorkflowImpl} runs
 * on a worker of this test (the API itself never hosts one) with stand-in activities.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "leads.webhook.secrets=" + SignedDeliveries.SECRET,
      "leads.task-queue=leads-completing"
    })
@ActiveProfiles("temporal-test-server")
@Import(TemporalTestServerConfiguration.class)
@Timeout(60)
class SignedLeadCompletesOverHttpTest {

  @LocalServerPort int port;
  @Autowired WorkflowClient client;

  private WorkerFactory workers;

  @BeforeEach
  void startTestWorker() {
    workers = WorkerFactory.newInstance(client);
    Worker worker = workers.newWorker("leads-completing");
    worker.registerWorkflowImplementationTypes(LeadWorkflowImpl.class);
    worker.registerActivitiesImplementations(new FakeLeadActivities());
    workers.start();
  }

  @AfterEach
  void stopTestWorker() {
    workers.shutdownNow();
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void signedPostEndsInACompletedWorkflow() throws Exception {
    String conversationId = "conv-" + UUID.randomUUID();
    SignedDeliveries deliveries = new SignedDeliveries(port);

    HttpResponse<String> response =
        deliveries.send(deliveries.signed(TestEvents.exampleFor(conversationId)));

    assertThat(response.statusCode()).isEqualTo(202);
    String workflowId = LeadWorkflowIds.forConversation(conversationId);
    LeadOutcome outcome =
        client
            .newUntypedWorkflowStub(workflowId)
            .getResult(30, TimeUnit.SECONDS, LeadOutcome.class);
    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(outcome.crmLeadId()).isEqualTo("00Q000000000001");
    assertThat(
            client
                .newUntypedWorkflowStub(workflowId)
                .describe()
                .getTypedSearchAttributes()
                .get(LeadSearchAttributes.LEAD_STATUS))
        .isEqualTo("COMPLETED");
  }
}
