package com.leadprocessor.api.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.api.TemporalTestServerConfiguration;
import com.leadprocessor.api.fuzz.HostileDelivery;
import com.leadprocessor.api.fuzz.HostileInteractions;
import com.leadprocessor.api.fuzz.Properties;
import com.leadprocessor.api.start.LeadStartProperties;
import com.leadprocessor.emulation.SlackInteractivity;
import com.leadprocessor.emulation.SlackInteractivity.SlackUser;
import com.leadprocessor.workflow.LeadWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
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

/**
 * Properties of {@code POST /slack/interactivity} over real HTTP for generated hostile requests:
 * whatever is sent, the answer is never a 5xx and never a stack trace, every error is a problem
 * document, and nothing that is not correctly signed, or is signed but not a valid click, changes
 * the lead it names or reaches a response URL. {@code -Dfuzz.seed=N} replays a run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "leads.webhook.secrets=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "leads.slack.signing-secret=" + SlackInteractivityOverHttpTest.SIGNING_SECRET,
      "leads.slack.response-url-hosts=127.0.0.1",
      "leads.slack.update-timeout=4s"
    })
@ActiveProfiles("temporal-test-server")
@Import({TemporalTestServerConfiguration.class, SlackInteractivityOverHttpTest.LeadWorker.class})
@Timeout(300)
class HostileInteractionsOverHttpTest {

  /** With the webhook's properties, the suite sends over 10,000 requests a run. */
  static final int UNSIGNED_TRIES = 5_500;

  static final int SIGNED_INVALID_TRIES = 2_000;

  private static final List<String> STACK_TRACE_MARKERS =
      List.of(
          "\tat ", "at com.", "at org.", "at java.", "at io.", "Caused by", "Exception", "<html");
  private static final Map<String, Map<Integer, AtomicInteger>> STATUSES =
      new ConcurrentHashMap<>();
  private static final SlackInteractivity slack =
      SlackInteractivity.start(SlackInteractivityOverHttpTest.SIGNING_SECRET);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @LocalServerPort int port;
  @Autowired WorkflowClient client;
  @Autowired LeadStartProperties start;

  private URI endpoint;
  private String workflowId;
  private HostileInteractions inputs;

  @BeforeEach
  void alertedLead() {
    endpoint = URI.create("http://127.0.0.1:" + port + "/slack/interactivity");
    workflowId = "lead-conv-fuzz-" + UUID.randomUUID();
    LeadWorkflow lead =
        client.newWorkflowStub(
            LeadWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(start.taskQueue())
                .build());
    WorkflowClient.start(lead::process, null);
    // The lead's first workflow task is done: from here on only an Update could add events.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                client.fetchHistory(workflowId).getEvents().stream()
                    .anyMatch(
                        e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED));
    String responseUrl = slack.claim(workflowId, SlackUser.of("U0X", "x")).responseUrl();
    inputs =
        new HostileInteractions(
            SlackInteractivityOverHttpTest.SIGNING_SECRET, workflowId, responseUrl);
  }

  @AfterAll
  static void printStatuses() {
    slack.close();
    STATUSES.forEach(
        (property, seen) -> System.out.println("[property] " + property + ": " + seen));
  }

  @Test
  void unsignedOrWronglySignedClicksAreRefusedAndChangeNothing() {
    long before = historyLength();

    Properties.forAll(
        "interactivity: unsigned or wrongly signed",
        UNSIGNED_TRIES,
        inputs::unsignedOrWronglySigned,
        request -> assertRefused("unsigned", send(request), Set.of(400, 401, 413, 415)));

    assertThat(historyLength()).as("events in the lead's history").isEqualTo(before);
    assertThat(slack.replies()).as("answers to response URLs").isEmpty();
  }

  @Test
  void signedInvalidInteractionsAreRefusedAndChangeNothing() {
    long before = historyLength();

    Properties.forAll(
        "interactivity: signed invalid",
        SIGNED_INVALID_TRIES,
        inputs::signedInvalid,
        // 409: a body the generator made twice in one second is the same signed request.
        request -> assertRefused("signed invalid", send(request), Set.of(400, 409, 413)));

    assertThat(historyLength()).as("events in the lead's history").isEqualTo(before);
    assertThat(slack.replies()).as("answers to response URLs").isEmpty();
  }

  private long historyLength() {
    return client.fetchHistory(workflowId).getEvents().size();
  }

  private void assertRefused(String property, HttpResponse<String> response, Set<Integer> allowed) {
    STATUSES
        .computeIfAbsent(property, p -> new TreeMap<>())
        .computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
        .incrementAndGet();
    assertThat(response.statusCode()).as("status, answer %s", response.body()).isIn(allowed);
    assertThat(response.headers().firstValue("Content-Type"))
        .as("content type")
        .hasValue("application/problem+json");
    assertThat(response.body()).contains("\"type\":\"https://lead-processor.dev/problems/");
    STACK_TRACE_MARKERS.forEach(marker -> assertThat(response.body()).doesNotContain(marker));
  }

  private HttpResponse<String> send(HostileDelivery request) throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(20))
            .POST(
                request.chunked()
                    ? HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(request.body()))
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }
}
