package com.leadprocessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.LeadSearchAttributes;
import com.leadprocessor.workflow.LeadTaskQueues;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.converter.DataConverter;
import io.temporal.worker.WorkerFactory;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app over real HTTP against the starter's in-memory Temporal. No worker runs, so every
 * started lead stays open: these tests prove the start, nothing after it.
 *
 * <p>The team's end-to-end test ("a signed POST ends in a completed workflow") belongs next to this
 * class: autowire {@code TestWorkflowEnvironment}, register {@code LeadWorkflowImpl} and mocked
 * activities on {@code testEnv.newWorker(taskQueue)}, call {@code testEnv.start()}, then post.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "leads.webhook.secrets=" + SignedDeliveries.SECRET)
@ActiveProfiles("temporal-test-server")
@Import(TemporalTestServerConfiguration.class)
@Timeout(60)
class LeadIntakeOverHttpTest {

  @LocalServerPort int port;
  @Autowired WorkflowClient client;
  @Autowired ApplicationContext context;

  SignedDeliveries deliveries;
  String conversationId;
  String workflowId;

  @BeforeEach
  void freshConversation() {
    deliveries = new SignedDeliveries(port);
    conversationId = "conv-" + UUID.randomUUID();
    workflowId = LeadWorkflowIds.forConversation(conversationId);
  }

  @Test
  void signedDeliveryStartsTheLeadWorkflowBeforeAnswering202() throws Exception {
    HttpResponse<String> response =
        deliveries.send(deliveries.signed(TestEvents.exampleFor(conversationId)));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"workflowId\":\"" + workflowId + "\"}");
    WorkflowExecutionDescription description = client.newUntypedWorkflowStub(workflowId).describe();
    assertThat(description.getWorkflowType()).isEqualTo(LeadWorkflow.WORKFLOW_TYPE);
    assertThat(description.getTaskQueue()).isEqualTo(LeadTaskQueues.DEFAULT);
    assertThat(description.getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(description.getTypedSearchAttributes().get(LeadSearchAttributes.LEAD_STATUS))
        .isEqualTo("RECEIVED");
    assertThat(description.getStaticSummary())
        .startsWith("Lead " + conversationId + " · potential.lead@example.com · \"Does your API");
    assertThat(description.getStaticDetails()).contains("**Source page:** `/pricing/enterprise`");
  }

  @Test
  void workflowInputIsTheValidatedEventAsTemporalStoresIt() throws Exception {
    String withUnknownField =
        TestEvents.exampleFor(conversationId)
            .replace("\"metadata\": {", "\"campaign\": {\"id\": 7}, \"metadata\": {");

    deliveries.send(deliveries.signed(withUnknownField));

    LeadRequest input = startInput(workflowId);
    assertThat(input.event().conversationId()).isEqualTo(conversationId);
    assertThat(input.event().capturedEmail()).isEqualTo("potential.lead@example.com");
    assertThat(input.event().timestamp()).hasToString("2023-10-27T10:00:00Z");
    assertThat(input.event().metadata().ipAddress()).isEqualTo("203.0.113.1");
    assertThat(input.event().additionalFields()).containsKey("campaign");
    assertThat(input.deliveryId()).startsWith("msg_");
    assertThat(input.receivedAt()).isNotNull();
  }

  @Test
  void duplicateDeliveryStartsOneWorkflow() throws Exception {
    String event = TestEvents.exampleFor(conversationId);

    HttpResponse<String> first = deliveries.send(deliveries.signed(event));
    HttpResponse<String> second = deliveries.send(deliveries.signed(event));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body())
        .isEqualTo("{\"workflowId\":\"" + workflowId + "\",\"duplicate\":true}");
    assertOneRun(workflowId);
  }

  @Test
  void concurrentDeliveriesOfOneConversationStartOneWorkflow() throws Exception {
    String event = TestEvents.exampleFor(conversationId);
    List<HttpRequest> requests = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      requests.add(deliveries.signed(event));
    }
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (HttpRequest request : requests) {
      responses.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                  return deliveries.send(request);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    go.countDown();

    List<HttpResponse<String>> answered = responses.stream().map(CompletableFuture::join).toList();

    assertThat(answered).extracting(HttpResponse::statusCode).containsOnly(202, 200);
    assertThat(answered).filteredOn(r -> r.statusCode() == 202).hasSize(1);
    assertThat(answered).filteredOn(r -> r.statusCode() == 200).hasSize(15);
    assertThat(answered).extracting(HttpResponse::body).allMatch(body -> body.contains(workflowId));
    assertOneRun(workflowId);
  }

  @Test
  void unsignedDeliveryStartsNothing() throws Exception {
    HttpResponse<String> response =
        deliveries.send(deliveries.unsigned(TestEvents.exampleFor(conversationId)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThatThrownBy(() -> client.newUntypedWorkflowStub(workflowId).describe())
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void chunkedBodyOverTheLimitIsRefusedWithoutReadingItAll() throws Exception {
    byte[] huge =
        ("{\"padding\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest chunked =
        HttpRequest.newBuilder(deliveries.signed("{}").uri())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
            .build();

    HttpResponse<String> response = deliveries.send(chunked);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("https://lead-processor.dev/problems/payload-too-large");
  }

  /** Found by schemathesis: Spring's multipart parsing used to fail such a request with a 500. */
  @Test
  void multipartBodyWithoutBoundaryIsAnUnsupportedMediaType() throws Exception {
    HttpRequest multipart =
        HttpRequest.newBuilder(deliveries.signed("{}").uri())
            .header("Content-Type", "multipart/form-data")
            .POST(HttpRequest.BodyPublishers.ofString(TestEvents.exampleFor(conversationId)))
            .build();

    HttpResponse<String> response = deliveries.send(multipart);

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("https://lead-processor.dev/problems/unsupported-media-type");
  }

  /**
   * Found while fuzzing: requests that Tomcat refuses before the app sees them were answered with
   * Tomcat's HTML error page.
   */
  @Test
  void requestsTomcatRefusesItselfAreProblemsToo() throws Exception {
    HttpRequest hugeHeader =
        HttpRequest.newBuilder(deliveries.signed("{}").uri())
            .header("Content-Type", "application/json")
            .header("webhook-signature", "v1," + "A".repeat(20_000))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    HttpResponse<String> tooLarge = deliveries.send(hugeHeader);
    String nonNumericLength =
        raw(
            "POST /webhooks/lead-capture HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}");
    String controlCharacter =
        raw(
            "POST /webhooks/lead-capture HTTP/1.1\r\nHost: 127.0.0.1\r\nwebhook-id: a\u0001b\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(tooLarge.body())
        .contains("\"type\":\"https://lead-processor.dev/problems/bad-request\"")
        .contains("\"status\":400")
        .doesNotContain("<html", "Exception", "Tomcat");
    for (String answer : List.of(nonNumericLength, controlCharacter)) {
      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .containsIgnoringCase("Content-Type: application/problem+json")
          .contains("https://lead-processor.dev/problems/bad-request")
          .doesNotContain("<html", "Exception", "Tomcat");
    }
  }

  @Test
  void unknownPathAndErrorPageAreProblemsToo() throws Exception {
    HttpResponse<String> notFound =
        deliveries.send(
            HttpRequest.newBuilder(deliveries.signed("{}").uri().resolve("/error")).GET().build());

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(notFound.body()).contains("https://lead-processor.dev/problems/not-found");
  }

  @Test
  void noWorkerRunsInThisProcess() {
    assertThat(context.getBeansOfType(WorkerFactory.class)).isEmpty();
  }

  /** Sends bytes no HTTP client would and reads the whole answer (the server closes after it). */
  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void assertOneRun(String workflowId) {
    WorkflowExecutionDescription description = client.newUntypedWorkflowStub(workflowId).describe();
    assertThat(description.getExecution().getRunId()).isEqualTo(description.getFirstRunId());
    List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
    assertThat(events)
        .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)
        .hasSize(1);
  }

  private LeadRequest startInput(String workflowId) {
    HistoryEvent started = client.fetchHistory(workflowId).getEvents().get(0);
    DataConverter converter = client.getOptions().getDataConverter();
    return converter.fromPayloads(
        0,
        Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()),
        LeadRequest.class,
        LeadRequest.class);
  }
}
