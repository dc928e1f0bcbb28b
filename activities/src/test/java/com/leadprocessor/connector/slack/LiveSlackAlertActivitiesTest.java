package com.leadprocessor.connector.slack;

import static com.leadprocessor.connector.slack.SlackConnectorFixture.TOKEN;
import static com.leadprocessor.connector.slack.SlackConnectorFixture.WORKFLOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.lead.LeadFailureType;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.slack.SlackMessage;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The live Slack connector against the Slack emulation, once directly and through retries. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveSlackAlertActivitiesTest {

  private static final String TASK_QUEUE = "slack-test";

  private final SlackConnectorFixture fixture = new SlackConnectorFixture();
  private final SlackEmulation slack = fixture.emulation;
  private final TestActivityEnvironment activityEnvironment = TestActivityEnvironment.newInstance();

  @AfterEach
  void close() throws Exception {
    activityEnvironment.close();
    fixture.close();
  }

  private SlackAlertActivities once() {
    activityEnvironment.registerActivitiesImplementations(fixture.activities);
    return activityEnvironment.newActivityStub(
        SlackAlertActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(20))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  private ApplicationFailure failureOfOnePost() {
    ActivityFailure failure =
        catchThrowableOfType(
            ActivityFailure.class, () -> once().postLeadAlert(SlackConnectorFixture.routedAlert()));
    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }

  /** The JSON the SDK sent, with {@code <} and {@code >} as written rather than escaped. */
  static String readable(String json) {
    return new GsonBuilder().disableHtmlEscaping().create().toJson(JsonParser.parseString(json));
  }

  /** Runs the alert through a workflow that retries, on an in-memory Temporal in real time. */
  private SlackMessage throughRetries(LeadAlert alert) {
    try (TestWorkflowEnvironment environment =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      Worker worker = environment.newWorker(TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(RetryingAlertWorkflow.Impl.class);
      worker.registerActivitiesImplementations(fixture.activities);
      environment.start();
      return environment
          .getWorkflowClient()
          .newWorkflowStub(
              RetryingAlertWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(WORKFLOW_ID)
                  .setTaskQueue(TASK_QUEUE)
                  .build())
          .alert(alert);
    }
  }

  @Test
  void postsTheAlertWithItsContentAndMetadataAndReturnsChannelIdAndTs() {
    SlackMessage posted = once().postLeadAlert(SlackConnectorFixture.routedAlert());

    assertThat(slack.requests()).hasSize(1);
    SlackEmulation.Request request = slack.requests().get(0);
    assertThat(request.path()).isEqualTo("/api/chat.postMessage");
    assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(request.params())
        .containsEntry("channel", "#dev-sales")
        .containsEntry("unfurl_links", "0")
        .doesNotContainKey("token");
    assertThat(request.params().get("text"))
        .isEqualTo(
            "HIGH priority lead: potential.lead@example.com asked \"Does your API support batch"
                + " processing for over 1 million records?\"");
    assertThat(readable(request.params().get("blocks")))
        .contains(":fire: HIGH priority lead from Acme Corp")
        .contains("Does your API support batch processing for over 1 million records?")
        .contains("<mailto:potential.lead@example.com|potential.lead@example.com>")
        .contains("*Source page*\\n/pricing/enterprise")
        .contains("`enterprise+api` → #dev-sales · HIGH")
        .contains("https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000AbCdE/view")
        .contains("http://localhost:8233/namespaces/default/workflows/lead-conv-12345");
    SlackEmulation.Message message = slack.messagesIn("#dev-sales").get(0);
    assertThat(message.metadataEventType()).isEqualTo("lead_alert");
    assertThat(message.metadataPayload())
        .containsEntry("workflow_id", WORKFLOW_ID)
        .containsEntry("conversation_id", "conv-12345");
    assertThat(posted).isEqualTo(new SlackMessage(slack.channelId("#dev-sales"), message.ts()));
  }

  @Test
  void aPostThatSucceedsRecordsNoHeartbeat() {
    List<Object> heartbeats = new ArrayList<>();
    activityEnvironment.setActivityHeartbeatListener(Object.class, heartbeats::add);

    once().postLeadAlert(SlackConnectorFixture.routedAlert());

    // A heartbeat is a call to the Temporal server and a write of the lead's state there.
    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(heartbeats).isEmpty();
  }

  @Test
  void aPostSlackRefusesRecordsThatThisAttemptPostedNothing() {
    List<AlertAttempt> heartbeats = new ArrayList<>();
    activityEnvironment.setActivityHeartbeatListener(AlertAttempt.class, heartbeats::add);
    slack.rateLimitNext(1, 1);

    failureOfOnePost();

    // The test environment numbers its one attempt 0; Temporal counts from 1.
    assertThat(heartbeats).singleElement().extracting(AlertAttempt::posted).isNull();
  }

  @Test
  void unroutedLeadGoesToTheDefaultChannel() {
    SlackMessage posted = once().postLeadAlert(SlackConnectorFixture.unroutedAlert());

    assertThat(slack.requests().get(0).params()).containsEntry("channel", "#sales-leads");
    assertThat(slack.messagesIn("#sales-leads")).hasSize(1);
    assertThat(readable(slack.requests().get(0).params().get("blocks")))
        .contains("`unrouted` → #sales-leads · NORMAL");
    assertThat(posted.channel()).isEqualTo(slack.channelId("#sales-leads"));
  }

  @Test
  void rateLimitWithRetryAfterDelaysTheNextAttemptAtLeastThatLong() {
    slack.rateLimitNext(1, 2);

    ApplicationFailure failure = failureOfOnePost();

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(LeadFailureType.UNAVAILABLE.name());
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(failure.getOriginalMessage()).contains("ratelimited").contains("Retry-After");
  }

  @Test
  void rateLimitedPostIsPostedOnceAfterRetryAfterThroughTemporalRetries() {
    slack.rateLimitNext(1, 2);
    long start = System.nanoTime();

    SlackMessage posted = throughRetries(SlackConnectorFixture.routedAlert());

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(slack.requests("chat.postMessage"))
        .extracting(SlackEmulation.Request::status)
        .containsExactly(429, 200);
    assertThat(slack.rateLimitedResponses()).isEqualTo(1);
    assertThat(slack.messages()).hasSize(1);
    assertThat(posted.ts()).isEqualTo(slack.messages().get(0).ts());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ratelimited", "rate_limited"})
  void rateLimitedErrorInTheBodyIsRetriedAfterRetryAfter(String error) {
    slack.failWith(error);

    ApplicationFailure failure = failureOfOnePost();

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(failure.getOriginalMessage()).contains(error);
  }

  @ParameterizedTest
  @CsvSource({
    "channel_not_found, CONFIGURATION, does not exist",
    "not_in_channel, CONFIGURATION, /invite",
    "is_archived, CONFIGURATION, Unarchive",
    "invalid_auth, AUTHENTICATION, SLACK_BOT_TOKEN",
    "token_revoked, AUTHENTICATION, SLACK_BOT_TOKEN",
    "account_inactive, AUTHENTICATION, SLACK_BOT_TOKEN",
    "not_authed, AUTHENTICATION, SLACK_BOT_TOKEN",
    "missing_scope, CONFIGURATION, needed: chat:write",
    "invalid_blocks, UNEXPECTED, would be refused again"
  })
  void permanentErrorIsNotRetriedAndSaysWhatToDo(
      String error, LeadFailureType type, String advice) {
    slack.failWith(error);

    ApplicationFailure failure = failureOfOnePost();

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(type.name());
    assertThat(failure.getOriginalMessage()).contains("'" + error + "'").contains(advice);
    assertThat(slack.messages()).isEmpty();
  }

  @Test
  void archivedChannelIsAConfigurationError() {
    slack.archive("#dev-sales");

    ApplicationFailure failure = failureOfOnePost();

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("CONFIGURATION");
    assertThat(failure.getOriginalMessage()).contains("#dev-sales").contains("is_archived");
  }

  @Test
  void wrongTokenIsAnAuthenticationError() throws Exception {
    slack.expectToken("xoxb-another-token");

    ApplicationFailure failure = failureOfOnePost();

    assertThat(failure.getType()).isEqualTo("AUTHENTICATION");
    assertThat(failure.getOriginalMessage()).contains("invalid_auth").doesNotContain(TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"internal_error", "fatal_error", "service_unavailable"})
  void slackSideErrorIsRetried(String error) {
    slack.failWith(error);

    ApplicationFailure failure = failureOfOnePost();

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("UNAVAILABLE");
    assertThat(failure.getOriginalMessage()).contains(error);
  }

  @Test
  void http503IsRetried() {
    slack.unavailableNext(1);

    ApplicationFailure failure = failureOfOnePost();

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).contains("HTTP 503");
  }

  @Test
  void retryAfterATimeoutWhosePostSucceededReturnsThatPostInsteadOfPostingAgain() {
    slack.slowNext(1, RetryingAlertWorkflow.START_TO_CLOSE.plusSeconds(1));

    SlackMessage posted = throughRetries(SlackConnectorFixture.routedAlert());

    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(posted)
        .isEqualTo(new SlackMessage(slack.channelId("#dev-sales"), slack.messages().get(0).ts()));
    assertThat(slack.requests("chat.postMessage")).hasSize(1);
    SlackEmulation.Request lookup = slack.requests("conversations.history").get(0);
    assertThat(lookup.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(lookup.params())
        .containsEntry("channel", slack.channelId("#dev-sales"))
        .containsEntry("include_all_metadata", "1")
        .containsKey("oldest");
  }

  @Test
  void runAfterAReviewersRetryReturnsTheAlertAnEarlierRunPostedInsteadOfPostingAgain() {
    Instant firstRun = Instant.now().minusSeconds(1);
    SlackAlertActivities alerts = once();
    SlackMessage first = alerts.postLeadAlert(SlackConnectorFixture.routedAlert());

    SlackMessage afterRetry = alerts.postLeadAlert(SlackConnectorFixture.retriedAlert(firstRun));

    assertThat(afterRetry).isEqualTo(first);
    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(slack.requests("chat.postMessage")).hasSize(1);
  }

  @Test
  void runAfterAReviewersRetryPostsWhenNoEarlierRunDid() {
    SlackMessage posted =
        once().postLeadAlert(SlackConnectorFixture.retriedAlert(Instant.now().minusSeconds(60)));

    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(posted.ts()).isEqualTo(slack.messages().get(0).ts());
  }

  @Test
  void retryThatMayNotReadHistoryLogsAndPosts() {
    slack.unavailableNext(1).failHistoryWith("missing_scope");

    SlackMessage posted = throughRetries(SlackConnectorFixture.routedAlert());

    assertThat(slack.messages()).hasSize(1);
    assertThat(posted.ts()).isEqualTo(slack.messages().get(0).ts());
  }

  @Test
  void retryAfterAnOutageWithNothingPostedPostsOnce() {
    slack.unavailableNext(2);

    throughRetries(SlackConnectorFixture.routedAlert());

    assertThat(slack.messages()).hasSize(1);
    // The channel name is resolved to its id for the history look-up; nothing was found.
    assertThat(slack.requests("conversations.list")).isNotEmpty();
  }
}
