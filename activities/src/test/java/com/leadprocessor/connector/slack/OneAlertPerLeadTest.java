package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.emulation.SlackEmulation.AnswerShape;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackMessage;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each lead gets exactly one alert, through retries and bursts, whatever shape Slack's answers
 * take, and without reading the channel's history on every retry.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneAlertPerLeadTest {

  private static final String TASK_QUEUE = "slack-burst-test";
  private static final int BURST = 30;

  private final SlackConnectorFixture fixture = new SlackConnectorFixture(50.0);
  private final SlackEmulation slack = fixture.emulation;
  private final TestWorkflowEnvironment environment =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  @AfterEach
  void close() throws Exception {
    environment.close();
    fixture.close();
  }

  /** Posts each alert through a workflow that retries, all at once, and waits for every result. */
  private List<SlackMessage> burst(List<LeadAlert> alerts) {
    Worker worker = environment.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(RetryingAlertWorkflow.Impl.class);
    worker.registerActivitiesImplementations(fixture.activities);
    environment.start();
    WorkflowClient client = environment.getWorkflowClient();
    List<WorkflowStub> started = new ArrayList<>();
    for (LeadAlert alert : alerts) {
      RetryingAlertWorkflow workflow =
          client.newWorkflowStub(
              RetryingAlertWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(alert.workflowId())
                  .setTaskQueue(TASK_QUEUE)
                  .build());
      WorkflowClient.start(workflow::alert, alert);
      started.add(WorkflowStub.fromTyped(workflow));
    }
    return started.stream().map(stub -> stub.getResult(SlackMessage.class)).toList();
  }

  private static List<LeadAlert> leads(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> SlackConnectorFixture.routedAlert("lead-conv-burst-" + i))
        .toList();
  }

  private List<String> alertedWorkflowIds() {
    return slack.messagesIn("#dev-sales").stream()
        .map(message -> String.valueOf(message.metadataPayload().get("workflow_id")))
        .toList();
  }

  @Test
  void burstWhoseFirstPostFailsWhileHistoryAnswersWithoutMessagesAlertsEveryLeadExactlyOnce() {
    slack.unavailableNext(1).historyAnswers(AnswerShape.OK_WITHOUT_FIELDS);
    List<LeadAlert> leads = leads(BURST);

    List<SlackMessage> posted = burst(leads);

    assertThat(alertedWorkflowIds())
        .containsExactlyInAnyOrderElementsOf(leads.stream().map(LeadAlert::workflowId).toList());
    assertThat(posted).doesNotContainNull().doesNotHaveDuplicates();
    // Only the attempt that may have posted (HTTP 503 after sending) looks, once.
    assertThat(slack.requests("conversations.history")).hasSize(1);
  }

  @Test
  void burstWhoseFirstPostIsStoredButItsAnswerLostAlertsEveryLeadExactlyOnce() {
    slack.slowNext(1, RetryingAlertWorkflow.START_TO_CLOSE.plusSeconds(1));
    List<LeadAlert> leads = leads(BURST);

    List<SlackMessage> posted = burst(leads);

    assertThat(alertedWorkflowIds())
        .containsExactlyInAnyOrderElementsOf(leads.stream().map(LeadAlert::workflowId).toList());
    assertThat(posted).doesNotHaveDuplicates();
    assertThat(slack.requests("conversations.history")).hasSize(1);
  }

  @Test
  void rateLimitedRetriesOfABurstNeverReadHistory() {
    slack.rateLimitNext(5, 1);

    burst(leads(10));

    assertThat(slack.messagesIn("#dev-sales")).hasSize(10);
    assertThat(slack.requests("conversations.history")).isEmpty();
  }

  @Test
  void attemptAfterARefusedOneAndOneWhosePostWasStoredButUnansweredLooksBeforePosting() {
    // Attempt 1 is refused and says so; attempt 2's post is stored but its answer comes after the
    // attempt timed out, so it says nothing. Attempt 3 must not take attempt 1's word for it.
    slack.rateLimitNext(1, 1).slowNext(1, RetryingAlertWorkflow.START_TO_CLOSE.plusSeconds(1));

    List<SlackMessage> posted = burst(leads(1));

    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(posted.get(0).ts()).isEqualTo(slack.messagesIn("#dev-sales").get(0).ts());
    assertThat(slack.requests("conversations.history")).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = AnswerShape.class,
      names = {"ERROR_WITHOUT_ERROR", "WARNING_WITHOUT_ERROR", "RATE_LIMITED"})
  void postRefusedWithoutAnErrorOrRateLimitedIsRetriedAndPostedOnce(AnswerShape shape) {
    slack.postAnswersNext(1, shape);

    List<SlackMessage> posted = burst(leads(1));

    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(posted.get(0).ts()).isEqualTo(slack.messagesIn("#dev-sales").get(0).ts());
    // Slack answered that it refused the post: nothing to look for.
    assertThat(slack.requests("conversations.history")).isEmpty();
  }

  @Test
  void postStoredButAnsweredWithoutChannelAndTsIsFoundInsteadOfPostedAgain() {
    slack.postAnswersNext(1, AnswerShape.OK_WITHOUT_FIELDS);

    List<SlackMessage> posted = burst(leads(1));

    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(posted.get(0).ts()).isEqualTo(slack.messagesIn("#dev-sales").get(0).ts());
    assertThat(slack.requests("chat.postMessage")).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(AnswerShape.class)
  void historyInAnyShapeAfterAnOutageNeverLosesTheAlert(AnswerShape shape) {
    slack.unavailableNext(1).historyAnswers(shape);

    List<SlackMessage> posted = burst(leads(1));

    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(posted.get(0).ts()).isEqualTo(slack.messagesIn("#dev-sales").get(0).ts());
  }

  @Test
  void runAfterAReviewersRetryLooksForTheEarlierAlertOnceThoughItsPostsAreRateLimited() {
    slack.rateLimitNext(2, 1);

    List<SlackMessage> posted =
        burst(
            List.of(SlackConnectorFixture.retriedAlert(java.time.Instant.now().minusSeconds(60))));

    assertThat(slack.messagesIn("#dev-sales")).hasSize(1);
    assertThat(posted.get(0).ts()).isEqualTo(slack.messagesIn("#dev-sales").get(0).ts());
    // One look-up for the whole run: the channel, never posted to, is not even found by name.
    assertThat(slack.requests("conversations.list")).hasSize(1);
    assertThat(slack.requests("conversations.history")).isEmpty();
  }
}
