package com.leadprocessor.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.workflow.LeadOutcome;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator gets from a running worker: its management port's probes and Prometheus metrics
 * (the SDK's and the webhook-to-alert latency), and JSON log lines from activities that carry the
 * lead's workflow and conversation ids but no email address.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.temporal.test-server.enabled=true",
      "leads.temporal.register-search-attributes=true",
      "leads.verification.allow-reserved-domains=true",
      "leads.task-queue=leads-operations",
      "LOG_FORMAT=ecs"
    })
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WorkerOperationsTest {

  @Autowired WorkflowClient client;
  @Autowired MeterRegistry registry;
  @Autowired Scope metricsScope;

  @Value("${leads.task-queue}")
  String taskQueue;

  @LocalServerPort int port;

  @Test
  void completedLeadRecordsAlertLatencyAndLogsJsonWithItsIds(CapturedOutput output)
      throws Exception {
    Instant receivedAt = Instant.now().minusSeconds(3);

    LeadOutcome outcome = process("conv-ops-worker", receivedAt);

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    // Tagged with the rules that routed the lead: the enterprise pricing page, an API question.
    Timer latency =
        registry
            .get(LeadContextWorkerInterceptor.ALERT_LATENCY)
            .tag("route", "enterprise+api")
            .timer();
    assertThat(latency.count()).isEqualTo(1);
    assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isBetween(3_000.0, 30_000.0);
    assertThat(output.getOut().lines())
        .filteredOn(line -> line.contains("Slack DRY RUN, would POST"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains("\"WorkflowId\":\"lead-conv-ops-worker\"")
                    .contains("\"ConversationId\":\"conv-ops-worker\"")
                    .contains("\"ActivityId\":")
                    .contains("p***@example.com"));
    assertThat(output.getOut()).doesNotContain("potential.lead@example.com");
  }

  @Test
  void managementPortServesProbesAndPrometheusWithSdkMetrics() throws Exception {
    process("conv-ops-metrics", Instant.now());

    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"temporal\":{\"status\":\"UP\"");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/prometheus").body()).contains("leads_alert_latency_seconds_bucket");
    // The SDK's tally scope reports to Micrometer every 10 seconds.
    await()
        .atMost(Duration.ofSeconds(25))
        .untilAsserted(
            () ->
                assertThat(get("/actuator/prometheus").body())
                    .containsPattern("temporal_workflow_completed_total\\{.*\\} [1-9]")
                    .contains("temporal_activity_execution_latency_seconds"));
    assertThat(get("/webhooks/lead-capture").statusCode()).isEqualTo(404);
  }

  @Test
  void timeToClaimIsAPercentilesHistogramPerRoute() throws Exception {
    // The workflow records it through the SDK's metrics scope (LeadClaim), which reports a
    // timer to this registry as it is recorded.
    metricsScope
        .tagged(Map.of("route", "enterprise+api"))
        .timer("leads.time.to.claim")
        .record(com.uber.m3.util.Duration.ofSeconds(42));

    assertThat(get("/actuator/prometheus").body())
        .containsPattern("leads_time_to_claim_seconds_bucket\\{[^}]*route=\"enterprise\\+api\"");
    assertThat(registry.get("leads.time.to.claim").tag("route", "enterprise+api").timer().count())
        .isEqualTo(1);
  }

  private LeadOutcome process(String conversationId, Instant receivedAt) {
    LeadWorkflow lead =
        client.newWorkflowStub(
            LeadWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(LeadWorkflowIds.forConversation(conversationId))
                .setTaskQueue(taskQueue)
                .build());
    return lead.process(
        new LeadRequest(
            new LeadCaptureEvent(
                "lead_capture_fallback",
                Instant.parse("2023-10-27T10:00:00Z"),
                "anon-f8a9b2c1",
                conversationId,
                "potential.lead@example.com",
                "Does your API support batch processing for over 1 million records?",
                "https://api.chatbot.com/transcripts/" + conversationId,
                new LeadMetadata("/pricing/enterprise", "203.0.113.1", null, Map.of()),
                Map.of()),
            receivedAt,
            "msg_" + conversationId));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
