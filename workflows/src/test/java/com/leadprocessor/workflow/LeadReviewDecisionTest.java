package com.leadprocessor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reviewer's decisions as Updates: what the validators refuse (and that a refusal leaves no
 * trace), what an accepted decision answers, and the reviewer on record; and signals that arrive
 * when the lead cannot take them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeadReviewDecisionTest {

  /**
   * Retries an hour apart: a lead on its second attempt stays in its step until time is skipped.
   */
  private static final RetryOptions HOURLY_ATTEMPTS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofHours(1))
          .setBackoffCoefficient(1)
          .setMaximumAttempts(3)
          .build();

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      withLeadSearchAttributes(TestWorkflowExtension.newBuilder())
          .registerWorkflowImplementationTypes(
              WorkflowImplementationOptions.newBuilder()
                  .setActivityOptions(
                      Map.of(
                          SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD,
                          withRetries(HOURLY_ATTEMPTS),
                          SlackAlertActivities.POST_SLACK_LEAD_ALERT,
                          withRetries(HOURLY_ATTEMPTS)))
                  .setLocalActivityOptions(
                      Map.of(
                          SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD,
                          LocalActivityOptions.newBuilder()
                              .setRetryOptions(HOURLY_ATTEMPTS)
                              .build()))
                  .build(),
              LeadWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final FakeLeadActivities activities = new FakeLeadActivities();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private String taskQueue;

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    this.env = env;
    this.client = client;
    this.taskQueue = worker.getTaskQueue();
  }

  @Test
  void acceptedRetryAnswersWithTheStepRunningAgainAndPutsTheReviewerOnRecord() {
    LeadWorkflow lead = leadInSalesforceReview("conv-update-retry");
    activities.salesforceOutage = FakeLeadActivities.Outage.NONE;

    LeadState answer =
        lead.reviewRetry(new RetryRequest("Salesforce is back", null, "review token #1"));

    assertThat(answer.status()).isIn(LeadStatus.CREATING_CRM_LEAD, LeadStatus.ALERTING);
    assertThat(answer.failedStep()).isNull();
    assertThat(answer.lastDecision())
        .isEqualTo(
            new LeadDecision(
                "RETRY", LeadStep.SALESFORCE, "review token #1", "Salesforce is back", "update"));
    LeadOutcome outcome = WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class);
    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(activities.crmLeadsUpserted).hasSize(1);
    assertThat(lead.state().lastDecision().decidedBy()).isEqualTo("review token #1");
    assertThat(currentDetails(lead))
        .contains(
            "**Decision:** RETRY on SALESFORCE by review token #1 (update): Salesforce is back");
  }

  @Test
  void retryWithACorrectedEmailCarriesItNormalisedToSalesforce() {
    LeadWorkflow lead = leadInSalesforceReview("conv-update-email");
    activities.salesforceOutage = FakeLeadActivities.Outage.NONE;

    lead.reviewRetry(
        new RetryRequest(
            "typo in the domain",
            new LeadCorrection(" Buyer@ACME-Corp.com ", null, "#enterprise", null),
            "alice"));
    WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class);

    assertThat(activities.crmLeadsUpserted)
        .singleElement()
        .satisfies(
            crm -> {
              assertThat(crm.email()).isEqualTo("Buyer@acme-corp.com");
              assertThat(crm.route().slackChannel()).isEqualTo("#enterprise");
            });
  }

  @Test
  void acceptedSkipAnswersWithTheNextStep() {
    LeadWorkflow lead = leadInSalesforceReview("conv-update-skip");

    LeadState answer = lead.reviewSkip(new ReviewNote("created by hand", "bob"));

    assertThat(answer.status()).isIn(LeadStatus.ALERTING, LeadStatus.COMPLETED);
    assertThat(answer.lastDecision().decision()).isEqualTo("SKIP");
    assertThat(WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class).reason())
        .isEqualTo("skipped SALESFORCE (created by hand)");
  }

  @Test
  void acceptedDiscardAnswersWithTheFinalState() {
    LeadWorkflow lead = leadInSalesforceReview("conv-update-discard");

    LeadState answer = lead.reviewDiscard(new ReviewNote("spam", "carol"));

    assertThat(answer.status()).isEqualTo(LeadStatus.DISCARDED);
    assertThat(answer.lastDecision())
        .isEqualTo(new LeadDecision("DISCARD", LeadStep.SALESFORCE, "carol", "spam", "update"));
    assertThat(WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class).status())
        .isEqualTo(LeadStatus.DISCARDED);
  }

  @Test
  void decisionOnALeadThatIsNotInReviewIsRefusedAndLeavesNoTrace() {
    activities.slackOutage = FakeLeadActivities.Outage.TRANSIENT;
    LeadWorkflow lead = newLead("conv-update-early");
    WorkflowClient.start(lead::process, request("conv-update-early"));
    await().until(() -> lead.state().status() == LeadStatus.ALERTING);

    assertRefused(
        () -> lead.reviewSkip(new ReviewNote("too early", "dave")),
        ReviewRefusal.NOT_IN_REVIEW,
        "Lead lead-conv-update-early is ALERTING, not waiting for review; nothing was decided.");
    assertThat(lead.state().status()).isEqualTo(LeadStatus.ALERTING);
    assertThat(lead.state().lastDecision()).isNull();
    assertNoUpdateInHistory(lead);
  }

  @Test
  void correctedEmailThatFailsVerificationIsRefusedAndTheLeadStaysInReview() {
    LeadWorkflow lead = leadInSalesforceReview("conv-update-bad-email");

    assertRefused(
        () ->
            lead.reviewRetry(
                new RetryRequest(
                    null, new LeadCorrection("buyer-at-acme", null, null, null), "erin")),
        ReviewRefusal.INVALID_CORRECTION,
        "correction.capturedEmail is refused: invalid email syntax:");
    assertRefused(
        () ->
            lead.reviewRetry(
                new RetryRequest(
                    null, new LeadCorrection("buyer@[203.0.113.1]", null, null, null), "erin")),
        ReviewRefusal.INVALID_CORRECTION,
        "correction.capturedEmail is refused: invalid email syntax: IP-literal domains are not"
            + " accepted.");
    assertThat(lead.state().status()).isEqualTo(LeadStatus.NEEDS_REVIEW);
    assertThat(activities.salesforceAttempts).hasValue(1);
    assertNoUpdateInHistory(lead);
  }

  @Test
  void correctedSlackChannelInAnUnknownFormatIsRefused() {
    LeadWorkflow lead = leadInSalesforceReview("conv-update-bad-channel");

    assertRefused(
        () ->
            lead.reviewRetry(
                new RetryRequest(
                    null, new LeadCorrection(null, null, "Sales Leads", null), "frank")),
        ReviewRefusal.INVALID_CORRECTION,
        "correction.slackChannel is refused: it must be a channel name such as #sales-leads or a"
            + " channel id such as C0123456789.");
    assertThat(lead.state().status()).isEqualTo(LeadStatus.NEEDS_REVIEW);
    assertNoUpdateInHistory(lead);
  }

  @Test
  void decisionAfterTheLeadLeftReviewIsRefused() {
    LeadWorkflow lead = leadInSalesforceReview("conv-update-twice");
    activities.salesforceOutage = FakeLeadActivities.Outage.NONE;
    activities.slackOutage = FakeLeadActivities.Outage.TRANSIENT;
    lead.reviewRetry(new RetryRequest("first", null, "gina"));
    await().until(() -> lead.state().status() == LeadStatus.ALERTING);

    assertRefused(
        () -> lead.reviewDiscard(new ReviewNote("second", "hank")),
        ReviewRefusal.NOT_IN_REVIEW,
        "not waiting for review");
    assertThat(lead.state().lastDecision().decidedBy()).isEqualTo("gina");
  }

  @Test
  void signalOutsideReviewIsShownInTheLeadsDetails() {
    activities.slackOutage = FakeLeadActivities.Outage.TRANSIENT;
    LeadWorkflow lead = newLead("conv-late-signal");
    WorkflowClient.start(lead::process, request("conv-late-signal"));
    await().until(() -> lead.state().status() == LeadStatus.ALERTING);

    lead.retry(new RetryRequest("bulk retry", null, "review token #2"));

    await()
        .untilAsserted(
            () ->
                assertThat(lead.state().notice())
                    .startsWith("A 'retry' signal from review token #2 at ")
                    .endsWith("did nothing: the lead was ALERTING, not waiting for review."));
    assertThat(currentDetails(lead)).contains("**Notice:** A 'retry' signal from review token #2");
  }

  @Test
  void signalInReviewStillDecidesAndNamesWhoSentIt() {
    LeadWorkflow lead = leadInSalesforceReview("conv-signal-decides");
    activities.salesforceOutage = FakeLeadActivities.Outage.NONE;

    lead.retry(new RetryRequest("batch", null, "review token #1"));

    assertThat(WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class).status())
        .isEqualTo(LeadStatus.COMPLETED);
    assertThat(lead.state().lastDecision())
        .isEqualTo(
            new LeadDecision("RETRY", LeadStep.SALESFORCE, "review token #1", "batch", "signal"));
  }

  private LeadWorkflow leadInSalesforceReview(String conversationId) {
    activities.salesforceOutage = FakeLeadActivities.Outage.PERMANENT;
    LeadWorkflow lead = newLead(conversationId);
    WorkflowClient.start(lead::process, request(conversationId));
    env.sleep(Duration.ofSeconds(5));
    assertThat(lead.state().status()).isEqualTo(LeadStatus.NEEDS_REVIEW);
    return lead;
  }

  private static void assertRefused(
      ThrowingCallable decision, ReviewRefusal refusal, String message) {
    assertThatThrownBy(decision)
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(ReviewRefusal.ofFailureType(failure.getType())).hasValue(refusal);
              assertThat(failure.getOriginalMessage()).contains(message);
            });
  }

  /** A refused Update is not written to the history: no accepted or completed Update event. */
  private void assertNoUpdateInHistory(LeadWorkflow lead) {
    String workflowId = WorkflowStub.fromTyped(lead).getExecution().getWorkflowId();
    assertThat(client.fetchHistory(workflowId).getEvents())
        .noneMatch(
            event ->
                event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED
                    || event.getEventType()
                        == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
  }

  private LeadWorkflow newLead(String conversationId) {
    return client.newWorkflowStub(
        LeadWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(LeadWorkflowIds.forConversation(conversationId))
            .setTaskQueue(taskQueue)
            .build());
  }

  private static LeadRequest request(String conversationId) {
    LeadCaptureEvent event =
        new LeadCaptureEvent(
            "lead_capture_fallback",
            Instant.parse("2023-10-27T10:00:00Z"),
            "anon-f8a9b2c1",
            conversationId,
            "buyer@acme-corp.com",
            "Does your API support batch processing?",
            "https://api.chatbot.com/transcripts/" + conversationId,
            new LeadMetadata("/pricing/enterprise", "203.0.113.1", "Mozilla/5.0", Map.of()),
            Map.of());
    return new LeadRequest(event, Instant.parse("2023-10-27T10:00:01Z"), "msg_1");
  }

  private static String currentDetails(LeadWorkflow lead) {
    return WorkflowStub.fromTyped(lead)
        .query("__temporal_workflow_metadata", WorkflowMetadata.class)
        .getCurrentDetails();
  }

  private static TestWorkflowExtension.Builder withLeadSearchAttributes(
      TestWorkflowExtension.Builder builder) {
    LeadSearchAttributes.ALL.forEach(
        key -> builder.registerSearchAttribute(key.getName(), key.getValueType()));
    return builder;
  }

  private static ActivityOptions withRetries(RetryOptions retryOptions) {
    return ActivityOptions.newBuilder().setRetryOptions(retryOptions).build();
  }
}
