package com.leadprocessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.api.start.LeadStartProperties;
import com.leadprocessor.workflow.FakeLeadActivities;
import com.leadprocessor.workflow.LeadWorkflowImpl;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The review API over real HTTP on the starter's in-memory Temporal, with the real {@link
 * LeadWorkflowImpl} and fake activities on a worker of the test environment: a lead that Salesforce
 * refuses waits in review, the API shows why, and a retry completes it. The in-memory server cannot
 * list, count or run batch operations; those are proven against a real server by the end-to-end
 * suite.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "leads.webhook.secrets=" + SignedDeliveries.SECRET,
      "leads.review.api-tokens=" + LeadReviewOverHttpTest.TOKEN
    })
@ActiveProfiles("temporal-test-server")
@Import({TemporalTestServerConfiguration.class, LeadReviewOverHttpTest.LeadWorker.class})
@Timeout(60)
class LeadReviewOverHttpTest {

  static final String TOKEN = "review-token-for-tests-0123456789";

  /** Runs the lead workflow on the test server with the fakes; the app itself runs no worker. */
  @TestConfiguration(proxyBeanMethods = false)
  static class LeadWorker {
    @Bean
    FakeLeadActivities fakeLeadActivities(
        TestWorkflowEnvironment testEnv, LeadStartProperties properties) {
      FakeLeadActivities activities = new FakeLeadActivities();
      Worker worker = testEnv.newWorker(properties.taskQueue());
      worker.registerWorkflowImplementationTypes(LeadWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
      testEnv.start();
      return activities;
    }
  }

  @LocalServerPort int port;
  @Autowired FakeLeadActivities activities;

  SignedDeliveries deliveries;
  String conversationId;
  String workflowId;

  @BeforeEach
  void leadThatSalesforceRefuses() throws Exception {
    deliveries = new SignedDeliveries(port);
    conversationId = "conv-" + UUID.randomUUID();
    workflowId = LeadWorkflowIds.forConversation(conversationId);
    activities.salesforceRefuses.add(conversationId);
    assertThat(
            deliveries.send(deliveries.signed(TestEvents.exampleFor(conversationId))).statusCode())
        .isEqualTo(202);
  }

  @Test
  void leadInReviewShowsTheFailedStepAndErrorAndRetryCompletesIt() throws Exception {
    String lead = awaitStatus("NEEDS_REVIEW");

    assertThat(lead)
        .contains("\"workflowId\":\"" + workflowId + "\"")
        .contains("\"execution\":\"RUNNING\"")
        .contains("\"failedStep\":\"SALESFORCE\"")
        .contains(
            "\"lastError\":\"REQUIRED_FIELD_MISSING: Required fields are missing: [Company]\"")
        .contains("\"route\":\"enterprise+api\"")
        .contains("\"summary\":\"Lead " + conversationId + " · potential.lead@example.com")
        .contains("**Failed step:** SALESFORCE")
        .contains("\"stateSource\":\"query\"");

    HttpResponse<String> refused =
        send(
            post(
                "/leads/" + workflowId + "/retry",
                "{\"correction\": {\"capturedEmail\": \"buyer@[203.0.113.1]\"}}"));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body())
        .contains("\"type\":\"https://lead-processor.dev/problems/decision-refused\"")
        .contains("IP-literal domains are not accepted");
    assertThat(awaitStatus("NEEDS_REVIEW")).contains("\"lastDecision\":null");

    activities.salesforceRefuses.remove(conversationId);
    HttpResponse<String> retried =
        send(
            post(
                "/leads/" + workflowId + "/retry",
                "{\"reason\": \"Company added\", \"correction\": {\"company\": \"Acme Corp\"}}"));

    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(retried.body())
        .contains("\"workflowId\":\"" + workflowId + "\",\"decision\":\"retry\"")
        .contains("\"decidedBy\":\"review token #1\"")
        .contains("\"failedStep\":null")
        .contains(
            "\"lastDecision\":{\"decision\":\"RETRY\",\"step\":\"SALESFORCE\","
                + "\"decidedBy\":\"review token #1\",\"reason\":\"Company added\","
                + "\"via\":\"update\"}");
    String completed = awaitStatus("COMPLETED");
    assertThat(completed)
        .contains("\"execution\":\"COMPLETED\"")
        .contains("\"crmLeadId\":\"00Q000000000001\"")
        .contains("\"slackMessageTs\":\"1700000000.000100\"");
    assertThat(activities.crmLeadsUpserted)
        .filteredOn(request -> request.event().conversationId().equals(conversationId))
        .singleElement()
        .satisfies(
            request -> assertThat(request.enrichment().company().name()).isEqualTo("Acme Corp"));

    HttpResponse<String> again = send(post("/leads/" + workflowId + "/retry", "{}"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body())
        .contains("\"type\":\"https://lead-processor.dev/problems/lead-not-in-review\"")
        .contains("\"leadStatus\":\"COMPLETED\"");
  }

  @Test
  void discardEndsTheLeadWithoutACrmRecord() throws Exception {
    awaitStatus("NEEDS_REVIEW");

    HttpResponse<String> discarded =
        send(post("/leads/" + workflowId + "/discard", "{\"reason\": \"test lead\"}"));

    assertThat(discarded.statusCode()).isEqualTo(200);
    assertThat(discarded.body()).contains("\"status\":\"DISCARDED\"");
    assertThat(awaitStatus("DISCARDED")).contains("\"crmLeadId\":null");
  }

  @Test
  void unknownLeadIs404AndWrongTokenIs401() throws Exception {
    HttpResponse<String> unknown = send(get("/leads/lead-conv-never-seen", TOKEN));
    HttpResponse<String> unknownDecided = send(post("/leads/lead-conv-never-seen/skip", "{}"));
    HttpResponse<String> wrongToken = send(get("/leads/" + workflowId, "wrong-token-0123456789"));

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknownDecided.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(wrongToken.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void listingOnAServerWithoutVisibilityIs503NotA500() throws Exception {
    HttpResponse<String> list = send(get("/leads?failedStep=SALESFORCE", TOKEN));

    assertThat(list.statusCode()).isEqualTo(503);
    assertThat(list.headers().firstValue("Retry-After")).isPresent();
    assertThat(list.body()).contains("temporal-unavailable").doesNotContain("UNIMPLEMENTED");
  }

  /** Statuses a lead ends in: the lead shows them just before its execution closes. */
  private static final Set<String> FINAL = Set.of("COMPLETED", "DISCARDED");

  private String awaitStatus(String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> send(get("/leads/" + workflowId, TOKEN)),
            response ->
                response.statusCode() == 200
                    && response.body().contains("\"status\":\"" + status + "\"")
                    && (!FINAL.contains(status)
                        || !response.body().contains("\"execution\":\"RUNNING\"")))
        .body();
  }

  private HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return deliveries.send(request);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
