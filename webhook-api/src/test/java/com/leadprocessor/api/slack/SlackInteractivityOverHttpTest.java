package com.leadprocessor.api.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.api.TemporalTestServerConfiguration;
import com.leadprocessor.api.start.LeadStartProperties;
import com.leadprocessor.emulation.SlackInteractivity;
import com.leadprocessor.emulation.SlackInteractivity.Reply;
import com.leadprocessor.emulation.SlackInteractivity.SignedRequest;
import com.leadprocessor.emulation.SlackInteractivity.SlackUser;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.ReviewNote;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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
 * {@code POST /slack/interactivity} over real HTTP, with clicks signed and shaped as Slack sends
 * them ({@link SlackInteractivity}) and answered to its response URLs, on the starter's in-memory
 * Temporal with {@link ScriptedClaimWorkflow} as the lead: the first claim wins, a second claimer
 * hears who has the lead, and whatever is unsigned, stale, tampered, replayed or malformed is
 * refused and changes nothing in the lead's history.
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
@Timeout(60)
class SlackInteractivityOverHttpTest {

  static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String NOBODY_POLLS = "no-worker-polls-this-queue";

  private static final SlackUser ANNA = SlackUser.of("U0ANNA0001", "anna");
  private static final SlackUser BORIS = SlackUser.of("U0BORIS001", "boris");
  private static final SlackInteractivity slack = SlackInteractivity.start(SIGNING_SECRET);

  /** Runs the scripted lead on the test server; the app itself runs no worker. */
  @TestConfiguration(proxyBeanMethods = false)
  static class LeadWorker {
    @Bean
    Worker scriptedLeadWorker(TestWorkflowEnvironment testEnv, LeadStartProperties properties) {
      Worker worker = testEnv.newWorker(properties.taskQueue());
      worker.registerWorkflowImplementationTypes(ScriptedClaimWorkflow.class);
      testEnv.start();
      return worker;
    }
  }

  @LocalServerPort int port;
  @Autowired WorkflowClient client;
  @Autowired LeadStartProperties start;

  private final HttpClient http = HttpClient.newHttpClient();
  private String workflowId;

  @AfterAll
  static void stopSlack() {
    slack.close();
  }

  @BeforeEach
  void alertedLead() {
    workflowId = startLead(start.taskQueue());
  }

  @Test
  void firstClaimWinsAndASecondClaimerIsToldWhoHasTheLead() throws Exception {
    SignedRequest anna = slack.claim(workflowId, ANNA);
    SignedRequest boris = slack.claim(workflowId, BORIS);

    assertThat(send(anna).statusCode()).isEqualTo(200);
    assertThat(awaitReply(anna).text()).isEqualTo("You claimed this lead. It is yours now.");
    assertThat(send(boris).statusCode()).isEqualTo(200);

    Reply refused = awaitReply(boris);
    assertThat(refused.responseType()).isEqualTo("ephemeral");
    assertThat(refused.replaceOriginal()).isFalse();
    assertThat(refused.text()).isEqualTo("<@U0ANNA0001> has already claimed this lead.");
    assertThat(acceptedUpdates()).isEqualTo(1);
  }

  @Test
  void onlyTheOwnerHandsBackAndAClaimedLeadIsNotMarkedNotALead() throws Exception {
    send(slack.claim(workflowId, ANNA));
    SignedRequest borisHandsBack = slack.handBack(workflowId, BORIS);
    SignedRequest borisRejects = slack.notALead(workflowId, BORIS, "spam");
    SignedRequest annaHandsBack = slack.handBack(workflowId, ANNA);

    send(borisHandsBack);
    send(borisRejects);
    send(annaHandsBack);

    assertThat(awaitReply(borisHandsBack).text())
        .isEqualTo("Only the lead's owner can hand it back.");
    assertThat(awaitReply(borisRejects).text()).startsWith("A claimed lead cannot be marked");
    assertThat(awaitReply(annaHandsBack).text()).contains("handed this lead back");
    assertThat(acceptedUpdates()).isEqualTo(2);
  }

  @Test
  void replayedClickIsRefusedWith409AndChangesNothing() throws Exception {
    SignedRequest click = slack.claim(workflowId, ANNA);
    assertThat(send(click).statusCode()).isEqualTo(200);
    awaitReply(click);

    HttpResponse<String> replayed = send(click);

    assertProblem(replayed, 409, "replayed-interaction");
    assertThat(acceptedUpdates()).isEqualTo(1);
    assertThat(slack.repliesTo(click)).hasSize(1);
  }

  @Test
  void sameClickSignedAgainIsTheSameUpdateAndAppliedOnce() throws Exception {
    String payload =
        slack.blockActions(ANNA, SlackInteractivity.CLAIM, workflowId, /* selectedOption= */ null);
    SignedRequest first = slack.sign(payload);
    SignedRequest resent = slack.sign(payload, Instant.now().plusSeconds(1));

    assertThat(send(first).statusCode()).isEqualTo(200);
    assertThat(send(resent).statusCode()).isEqualTo(200);

    await().until(() -> slack.repliesTo(first).size() == 2);
    assertThat(slack.repliesTo(first)).allSatisfy(r -> assertThat(r.text()).startsWith("You"));
    assertThat(acceptedUpdates()).isEqualTo(1);
  }

  @Test
  void tamperedUnsignedStaleAndFutureClicksAre401AndChangeNothing() throws Exception {
    SignedRequest click = slack.claim(workflowId, ANNA);
    String payload = slack.blockActions(ANNA, SlackInteractivity.CLAIM, workflowId, null);

    assertProblem(send(click.tampered()), 401, "invalid-slack-signature");
    assertProblem(send(click.unsigned()), 401, "invalid-slack-signature");
    HttpResponse<String> stale = send(slack.sign(payload, Instant.now().minusSeconds(6 * 60)));
    assertProblem(stale, 401, "invalid-slack-signature");
    assertThat(stale.body()).contains("stale");
    assertProblem(
        send(slack.sign(payload, Instant.now().plusSeconds(6 * 60))),
        401,
        "invalid-slack-signature");
    SignedRequest otherSecret = SlackInteractivity.start("another-apps-secret").sign(payload);
    assertProblem(send(otherSecret), 401, "invalid-slack-signature");

    assertThat(updateRequests()).isZero();
    assertThat(slack.repliesTo(click)).isEmpty();
    // The refused requests were not remembered: the genuine click still goes through.
    assertThat(send(click).statusCode()).isEqualTo(200);
    assertThat(awaitReply(click).text()).startsWith("You claimed");
  }

  @Test
  void signedButMalformedRequestsAre400AndChangeNothing() throws Exception {
    String valid = slack.blockActions(ANNA, SlackInteractivity.CLAIM, workflowId, null);
    List<String> bodies =
        List.of(
            "payload=%E0%A4%A",
            "nothing=here",
            "payload=" + "{not json",
            "payload=[]",
            form(valid.replace("block_actions", "view_submission")),
            form(valid.replace("lead_claim", "lead_delete")),
            form(valid.replace("lead-actions:", "other-block:")),
            form(valid.replace("\"U0ANNA0001\"", "\"not-a-user\"")),
            form(valid.replace("http://127.0.0.1:", "http://169.254.169.254:")),
            form(slack.blockActions(ANNA, SlackInteractivity.NOT_A_LEAD, workflowId, "hates-us")));

    for (String body : bodies) {
      assertProblem(send(slack.signRaw(body)), 400, "invalid-interaction");
    }
    assertThat(updateRequests()).isZero();
  }

  @Test
  void clickOnAnUnknownOrCompletedLeadIsToldTheLeadIsNoLongerOpen() throws Exception {
    SignedRequest unknown = slack.claim("lead-conv-never-seen", ANNA);
    client
        .newUntypedWorkflowStub(workflowId)
        .signal(LeadWorkflow.SIGNAL_DISCARD, new ReviewNote("test"));
    await().until(() -> closed(workflowId));
    SignedRequest completed = slack.claim(workflowId, ANNA);

    assertThat(send(unknown).statusCode()).isEqualTo(200);
    assertThat(send(completed).statusCode()).isEqualTo(200);

    assertThat(awaitReply(unknown).text()).isEqualTo("This lead is no longer open.");
    assertThat(awaitReply(completed).text()).isEqualTo("This lead is no longer open.");
  }

  @Test
  void slowWorkerIsAcknowledgedFirstAndTheClickerHearsWhenItFinishes() throws Exception {
    SignedRequest click =
        slack.claim(workflowId, SlackUser.of("U0SLOW0001", ScriptedClaimWorkflow.SLOW));

    assertThat(send(click).statusCode()).isEqualTo(200);
    assertThat(slack.repliesTo(click)).as("answered before the Update finished").isEmpty();

    client
        .newUntypedWorkflowStub(workflowId)
        .signal(LeadWorkflow.SIGNAL_SKIP, new ReviewNote("go"));
    assertThat(awaitReply(click).text()).startsWith("You claimed");
  }

  @Test
  void leadWithoutARunningWorkerIsAcknowledgedAndTheClickerToldItDidNotAnswer() throws Exception {
    String unattended = startLead(NOBODY_POLLS);
    SignedRequest click = slack.claim(unattended, ANNA);

    assertThat(send(click).statusCode()).isEqualTo(200);

    assertThat(awaitReply(click).text()).startsWith("The lead processor did not answer in time");
  }

  @Test
  void interactionsAreCountedByOutcome() throws Exception {
    SignedRequest click = slack.claim(workflowId, ANNA);
    send(click);
    awaitReply(click);
    send(click);

    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body())
        .containsPattern("leads_slack_interactions_total\\{outcome=\"accepted\"[^}]*} [1-9]")
        .containsPattern("leads_slack_interactions_total\\{outcome=\"replayed\"[^}]*} [1-9]")
        .contains("leads_slack_interactions_total{outcome=\"worker_silent\"")
        .doesNotContain("U0ANNA0001");
  }

  private String startLead(String taskQueue) {
    String id = "lead-conv-" + UUID.randomUUID();
    LeadWorkflow lead =
        client.newWorkflowStub(
            LeadWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(taskQueue).build());
    WorkflowClient.start(lead::process, null);
    return id;
  }

  private boolean closed(String id) {
    return !client.newUntypedWorkflowStub(id).describe().getStatus().name().endsWith("RUNNING");
  }

  /** Updates the lead accepted: each one changed it. */
  private long acceptedUpdates() {
    return historyEvents(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
  }

  /**
   * Update events of every kind in the lead's history. A validator's refusal leaves none, by
   * Temporal's design, so this proves what changed the lead, not what reached it.
   */
  private long updateRequests() {
    return client.fetchHistory(workflowId).getEvents().stream()
        .filter(event -> event.getEventType().name().contains("UPDATE"))
        .count();
  }

  private long historyEvents(EventType type) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .filter(event -> event.getEventType() == type)
        .count();
  }

  private Reply awaitReply(SignedRequest click) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> slack.repliesTo(click), replies -> !replies.isEmpty())
        .get(0);
  }

  private HttpResponse<String> send(SignedRequest click) throws Exception {
    return slack.send(URI.create(base() + "/slack/interactivity"), click);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static String form(String payloadJson) {
    return "payload="
        + java.net.URLEncoder.encode(payloadJson, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"type\":\"https://lead-processor.dev/problems/" + type + "\"");
  }
}
