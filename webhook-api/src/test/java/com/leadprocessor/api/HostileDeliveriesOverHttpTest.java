package com.leadprocessor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.leadprocessor.api.fuzz.HostileDelivery;
import com.leadprocessor.api.fuzz.HostileInputs;
import com.leadprocessor.api.fuzz.Properties;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Properties of the webhook over real HTTP (the whole app, its filters and Tomcat) against the
 * in-memory Temporal, for generated hostile inputs: whatever a sender sends, the answer is never a
 * 5xx and never shows a stack trace, every error is a problem document, and only a correctly signed
 * valid event starts a workflow, exactly one. Each property runs a bounded number of tries from a
 * random seed that a failure names; {@code -Dfuzz.seed=N} replays it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "leads.webhook.secrets=" + SignedDeliveries.SECRET)
@ActiveProfiles("temporal-test-server")
@Import(TemporalTestServerConfiguration.class)
@Timeout(300)
class HostileDeliveriesOverHttpTest {

  private static final List<String> STACK_TRACE_MARKERS =
      List.of(
          "\tat ", "at com.", "at org.", "at java.", "at io.", "Caused by", "Exception", "<html");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, Map<Integer, AtomicInteger>> STATUSES =
      new ConcurrentHashMap<>();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final HostileInputs inputs = new HostileInputs(SignedDeliveries.SECRET);

  @LocalServerPort int port;
  @Autowired WorkflowClient client;

  URI endpoint;

  @BeforeEach
  void endpoint() {
    endpoint = URI.create("http://127.0.0.1:" + port + "/webhooks/lead-capture");
  }

  @AfterAll
  static void printStatuses() {
    STATUSES.forEach(
        (property, seen) -> System.out.println("[property] " + property + ": " + seen));
  }

  @Test
  void unsignedOrWronglySignedDeliveriesAreRefusedAndStartNothing() {
    long before = openWorkflows();

    Properties.forAll(
        "unsigned or wrongly signed",
        400,
        inputs::unsignedOrWronglySigned,
        delivery -> assertRefused("unsigned", send(delivery), Set.of(400, 401, 413, 415)));

    assertThat(openWorkflows()).as("open workflows").isEqualTo(before);
  }

  @Test
  void signedInvalidPayloadsAreRefusedAndStartNothing() {
    long before = openWorkflows();

    Properties.forAll(
        "signed invalid payloads",
        300,
        inputs::signedInvalid,
        delivery -> assertRefused("signed invalid", send(delivery), Set.of(400, 413, 422)));

    assertThat(openWorkflows()).as("open workflows").isEqualTo(before);
  }

  @Test
  void signedValidEventsWithHostileValuesStartExactlyOneWorkflowEach() {
    long before = openWorkflows();

    int tries =
        Properties.forAll(
            "signed valid hostile events",
            150,
            inputs::signedValid,
            delivery -> {
              HttpResponse<String> response = send(delivery);
              count("signed valid", response.statusCode());
              String workflowId = LeadWorkflowIds.forConversation(delivery.conversationId());
              assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
              assertThat(JSON.readTree(response.body()).path("workflowId").stringValue())
                  .isEqualTo(workflowId);
              JsonNode sent = JSON.readTree(delivery.body());
              LeadRequest stored = startInput(workflowId);
              assertThat(stored.event().conversationId()).isEqualTo(delivery.conversationId());
              assertThat(stored.event().triggerQuery())
                  .isEqualTo(sent.path("trigger_query").stringValue());
              assertThat(stored.event().capturedEmail())
                  .isEqualTo(sent.path("captured_email").stringValue());
            });

    assertThat(openWorkflows()).as("open workflows").isEqualTo(before + tries);
  }

  private void assertRefused(String property, HttpResponse<String> response, Set<Integer> allowed) {
    count(property, response.statusCode());
    assertThat(response.statusCode()).as("status, answer %s", response.body()).isIn(allowed);
    assertThat(response.headers().firstValue("Content-Type"))
        .as("content type")
        .hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"type\":\"https://lead-processor.dev/problems/")
        .contains("\"status\":" + response.statusCode());
    STACK_TRACE_MARKERS.forEach(marker -> assertThat(response.body()).doesNotContain(marker));
  }

  private HttpResponse<String> send(HostileDelivery delivery) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(20))
            .POST(
                delivery.chunked()
                    ? HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(delivery.body()))
                    : HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    delivery.headers().forEach(header -> request.header(header.getKey(), header.getValue()));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void count(String property, int status) {
    STATUSES
        .computeIfAbsent(property, p -> new TreeMap<>())
        .computeIfAbsent(status, s -> new AtomicInteger())
        .incrementAndGet();
  }

  /** Every open execution of the namespace: with no worker here, every started lead stays open. */
  private long openWorkflows() {
    long count = 0;
    ByteString page = ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsResponse response =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .listOpenWorkflowExecutions(
                  ListOpenWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setMaximumPageSize(1000)
                      .setNextPageToken(page)
                      .build());
      count += response.getExecutionsCount();
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    return count;
  }

  private LeadRequest startInput(String workflowId) {
    HistoryEvent started = client.fetchHistory(workflowId).getEvents().get(0);
    return client
        .getOptions()
        .getDataConverter()
        .fromPayloads(
            0,
            Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()),
            LeadRequest.class,
            LeadRequest.class);
  }
}
