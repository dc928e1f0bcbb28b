package com.leadprocessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/**
 * What an operator gets from the running API: probes, Prometheus metrics (the SDK's and ours), the
 * OpenAPI document, and JSON log lines that carry the lead's ids without its email address.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "leads.webhook.secrets=" + SignedDeliveries.SECRET,
      "leads.task-queue=leads-operations",
      "LOG_FORMAT=ecs"
    })
@ActiveProfiles("temporal-test-server")
@Import(TemporalTestServerConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class OperationsOverHttpTest {

  @LocalServerPort int port;

  @Test
  void readinessIncludesTheTemporalConnectionAndLivenessDoesNot() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    HttpResponse<String> liveness = get("/actuator/health/liveness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"temporal\":{\"status\":\"UP\"");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).doesNotContain("temporal");
  }

  @Test
  void deliveriesAreCountedByOutcomeAndTemporalSdkMetricsAreExported() throws Exception {
    SignedDeliveries deliveries = new SignedDeliveries(port);
    String event = TestEvents.exampleFor("conv-metrics");
    deliveries.send(deliveries.signed(event));
    deliveries.send(deliveries.signed(event));
    deliveries.send(deliveries.unsigned(event));

    String metrics = get("/actuator/prometheus").body();
    assertThat(metrics)
        .contains("leads_webhook_received_total{outcome=\"accepted\"} 1.0")
        .contains("leads_webhook_received_total{outcome=\"duplicate\"} 1.0")
        .contains("leads_webhook_received_total{outcome=\"rejected_signature\"} 1.0")
        .contains("leads_webhook_received_total{outcome=\"unavailable\"} 0.0")
        .contains("leads_webhook_signature_failures_total{scheme=\"none\"} 1.0");
    // The SDK's tally scope reports to Micrometer every 10 seconds.
    await()
        .atMost(Duration.ofSeconds(25))
        .untilAsserted(
            () ->
                assertThat(get("/actuator/prometheus").body())
                    .containsPattern(
                        "temporal_request_total\\{.*operation=\"StartWorkflowExecution\".*\\}"));
  }

  @Test
  void theOpenApiDocumentIsServedAsKeptInTheRepository() throws Exception {
    HttpResponse<String> response = get("/openapi.yaml");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
    assertThat(response.body())
        .isEqualTo(
            new ClassPathResource("openapi.yaml").getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void logLinesAreJsonWithTheLeadsIdsAndNoEmailAddress(CapturedOutput output) throws Exception {
    SignedDeliveries deliveries = new SignedDeliveries(port);
    deliveries.send(deliveries.signed(TestEvents.exampleFor("conv-logs")));
    LoggerFactory.getLogger(OperationsOverHttpTest.class)
        .info("A free-form line about potential.lead@example.com");

    assertThat(output.getOut().lines())
        .filteredOn(line -> line.contains("Started lead workflow lead-conv-logs"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains("\"ConversationId\":\"conv-logs\"")
                    .contains("\"WorkflowId\":\"lead-conv-logs\""));
    assertThat(output.getOut())
        .contains("A free-form line about p***@example.com")
        .doesNotContain("potential.lead@example.com");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return new SignedDeliveries(port)
        .client()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
