package com.leadprocessor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeadWorkflowTest {

  private static final RetryOptions THREE_QUICK_ATTEMPTS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
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
                          withRetries(THREE_QUICK_ATTEMPTS),
                          SlackAlertActivities.POST_SLACK_LEAD_ALERT,
                          withRetries(THREE_QUICK_ATTEMPTS)))
                  .setLocalActivityOptions(
                      Map.of(
                          LeadEnrichmentActivities.ENRICH_LEAD,
                          LocalActivityOptions.newBuilder()
                              .setRetryOptions(THREE_QUICK_ATTEMPTS)
                              .build(),
                          SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD,
                          LocalActivityOptions.newBuilder()
                              .setRetryOptions(THREE_QUICK_ATTEMPTS)
                              .build()))
                  .build(),
              LeadWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final FakeLeadActivities activities = new FakeLeadActivities();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private String taskQueue;
  private LeadHistoryRecorder histories;

  /** The task queue the worker's configuration gives {@code #dev-sales}, as the worker names it. */
  private static final String DEV_SALES_QUEUE = "leads-slack/#dev-sales";

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    activities.channelQueues = Map.of("#dev-sales", DEV_SALES_QUEUE);
    env.newWorker(DEV_SALES_QUEUE).registerActivitiesImplementations(activities);
    env.start();
    this.env = env;
    this.client = client;
    this.taskQueue = worker.getTaskQueue();
    this.histories = new LeadHistoryRecorder(client);
  }

  @Test
  void leadGoesThroughEveryStepToCompleted() {
    LeadWorkflow lead = newLead("conv-12345", "Potential.Lead@Acme-Corp.com");

    LeadOutcome outcome = lead.process(request("conv-12345", "Potential.Lead@Acme-Corp.com"));

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(outcome.crmLeadId()).isEqualTo("00Q000000000001");
    assertThat(outcome.slackMessageTs()).isEqualTo("1700000000.000100");
    assertThat(activities.crmLeadsUpserted).hasSize(1);
    assertThat(activities.slackAlertsPosted)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.workflowId()).isEqualTo("lead-conv-12345");
              assertThat(alert.crmLead().id()).isEqualTo("00Q000000000001");
              assertThat(alert.enrichment().company().name()).isEqualTo("Acme Corp");
              assertThat(alert.route().slackChannel()).isEqualTo("#dev-sales");
            });
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("COMPLETED");
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_ROUTE)).isEqualTo("enterprise+api");
    assertThat(lead.state().slackMessageTs()).isEqualTo("1700000000.000100");
    histories.record(lead, "lead-completed");
  }

  @Test
  void salesforceStepRunsAsALocalActivityRecordedAsAMarker() {
    LeadWorkflow lead = newLead("conv-local-salesforce", "buyer@acme-corp.com");

    lead.process(request("conv-local-salesforce", "buyer@acme-corp.com"));

    List<HistoryEvent> events =
        client
            .fetchHistory(WorkflowStub.fromTyped(lead).getExecution().getWorkflowId())
            .getEvents();
    assertThat(events)
        .filteredOn(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .extracting(event -> event.getActivityTaskScheduledEventAttributes().getActivityType())
        .extracting(type -> type.getName())
        .containsExactly(SlackAlertActivities.POST_SLACK_LEAD_ALERT);
    assertThat(events)
        .filteredOn(HistoryEvent::hasMarkerRecordedEventAttributes)
        .extracting(event -> event.getMarkerRecordedEventAttributes().getDetailsMap().toString())
        .anySatisfy(
            details ->
                assertThat(details).contains(SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD))
        .anySatisfy(details -> assertThat(details).contains(SalesforceAsLocalActivity.CHANGE_ID));
    assertThat(activities.crmLeadsUpserted).hasSize(1);
  }

  @Test
  void alertWaitsOnItsChannelsOwnQueue() {
    LeadWorkflow lead = newLead("conv-channel-queue", "buyer@acme-corp.com");

    LeadOutcome outcome = lead.process(request("conv-channel-queue", "buyer@acme-corp.com"));

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(activities.slackAlertsPosted)
        .singleElement()
        .satisfies(alert -> assertThat(alert.route().slackChannel()).isEqualTo("#dev-sales"));
    assertThat(activities.slackAlertTaskQueues).containsExactly(DEV_SALES_QUEUE);
  }

  @Test
  void alertToAChannelWithoutAQueueOfItsOwnWaitsOnTheSharedQueue() {
    activities.channelQueues = Map.of();
    LeadWorkflow lead = newLead("conv-shared-queue", "buyer@acme-corp.com");

    LeadOutcome outcome = lead.process(request("conv-shared-queue", "buyer@acme-corp.com"));

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(activities.slackAlertTaskQueues).containsExactly(taskQueue);
  }

  @Test
  void leadIsEnrichedBeforeItIsRoutedSoRulesSeeTheCompany() {
    LeadWorkflow lead = newLead("conv-firmographics", "buyer@acme-corp.com");

    lead.process(request("conv-firmographics", "buyer@acme-corp.com"));

    assertThat(activities.routingInputs)
        .singleElement()
        .satisfies(
            input -> {
              assertThat(input.enrichment().company().size()).isEqualTo("51-200");
              assertThat(input.enrichment().company().industry()).isEqualTo("Software");
            });
    assertThat(lead.state().routeExplanation())
        .isEqualTo("topic api 0.71, like \"Do you have a REST API?\"");
    assertThat(currentDetails(lead)).contains("**Why:** topic api 0.71");
  }

  @Test
  void leadThatFailsVerificationEndsRejectedWithoutCrmRecordOrAlert() {
    LeadWorkflow lead = newLead("conv-disposable", "someone@mailinator.com");

    LeadOutcome outcome = lead.process(request("conv-disposable", "someone@mailinator.com"));

    assertThat(outcome.status()).isEqualTo(LeadStatus.REJECTED);
    assertThat(outcome.reason()).isEqualTo("disposable email domain mailinator.com");
    assertThat(activities.crmLeadsUpserted).isEmpty();
    assertThat(activities.slackAlertsPosted).isEmpty();
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("REJECTED");
    histories.record(lead, "lead-rejected");
  }

  @Test
  void enrichmentOutageContinuesWithoutEnrichment() {
    activities.enrichmentDown = true;
    LeadWorkflow lead = newLead("conv-no-enrichment", "buyer@acme-corp.com");

    LeadOutcome outcome = lead.process(request("conv-no-enrichment", "buyer@acme-corp.com"));

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(activities.slackAlertsPosted)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.enrichment().company()).isNull();
              assertThat(alert.enrichment().unavailable())
                  .singleElement()
                  .asString()
                  .contains("enrichment failed after its retries")
                  .contains("firmographics provider answered 503");
            });
    assertThat(activities.routingInputs.get(0).enrichment().company()).isNull();
    assertThat(lead.state().routeExplanation())
        .contains("routed without the company: enrichment failed after its retries");
    histories.record(lead, "lead-without-enrichment");
  }

  @Test
  void salesforceOutagePastItsRetryBudgetMovesLeadToReviewAndRetryCompletesIt() {
    activities.salesforceOutage = FakeLeadActivities.Outage.TRANSIENT;
    LeadWorkflow lead = newLead("conv-outage", "buyer@acme-corp.com");
    WorkflowClient.start(lead::process, request("conv-outage", "buyer@acme-corp.com"));

    env.sleep(Duration.ofMinutes(1));

    LeadState inReview = lead.state();
    assertThat(inReview.status()).isEqualTo(LeadStatus.NEEDS_REVIEW);
    assertThat(inReview.failedStep()).isEqualTo(LeadStep.SALESFORCE);
    assertThat(inReview.lastError()).isEqualTo("Salesforce answered 503 Service Unavailable");
    assertThat(activities.salesforceAttempts).hasValue(3);
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("NEEDS_REVIEW");
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_FAILED_STEP))
        .isEqualTo("SALESFORCE");
    assertThat(currentDetails(lead))
        .contains("**Failed step:** SALESFORCE")
        .contains("retries exhausted (UNAVAILABLE): Salesforce answered 503 Service Unavailable")
        .contains("Wait until the service is healthy again, then send 'retry'.");
    assertThat(activities.reviewAlerts)
        .singleElement()
        .satisfies(alert -> assertThat(alert.failedStep()).isEqualTo(LeadStep.SALESFORCE));
    assertThat(activities.slackAlertsPosted).isEmpty();

    activities.salesforceOutage = FakeLeadActivities.Outage.NONE;
    lead.retry(new RetryRequest("Salesforce is back", null));
    LeadOutcome outcome = WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class);

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(activities.crmLeadsUpserted).hasSize(1);
    assertThat(activities.slackAlertsPosted).hasSize(1);
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_FAILED_STEP)).isNull();
    assertThat(lead.state().lastError()).contains("Salesforce answered 503");
    histories.record(lead, "lead-review-retried");
  }

  @Test
  void salesforceOutageShorterThanItsKeepRetryingTimeDelaysTheLeadThenCompletesWithoutReview() {
    activities.keepRetrying = Map.of(LeadStep.SALESFORCE, Duration.ofHours(1));
    activities.salesforceOutage = FakeLeadActivities.Outage.TRANSIENT;
    LeadWorkflow lead = newLead("conv-delayed", "buyer@acme-corp.com");
    WorkflowClient.start(lead::process, request("conv-delayed", "buyer@acme-corp.com"));

    env.sleep(Duration.ofMinutes(5));

    LeadState delayed = lead.state();
    assertThat(delayed.status()).isEqualTo(LeadStatus.DELAYED);
    assertThat(delayed.currentStep()).isEqualTo(LeadStep.SALESFORCE);
    assertThat(delayed.failedStep()).isNull();
    assertThat(delayed.lastError()).isEqualTo("Salesforce answered 503 Service Unavailable");
    assertThat(activities.salesforceAttempts.get()).isGreaterThan(3);
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("DELAYED");
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_FAILED_STEP))
        .isEqualTo("SALESFORCE");
    assertThat(currentDetails(lead))
        .contains("**Status:** DELAYED (step SALESFORCE)")
        .contains("**Delayed step:** SALESFORCE keeps retrying until ")
        .contains("**Last error:** retries exhausted (UNAVAILABLE): Salesforce answered 503");
    assertThat(activities.reviewAlerts).isEmpty();

    activities.salesforceOutage = FakeLeadActivities.Outage.NONE;
    LeadOutcome outcome = WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class);

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(activities.crmLeadsUpserted).hasSize(1);
    assertThat(activities.slackAlertsPosted).hasSize(1);
    assertThat(activities.reviewAlerts).isEmpty();
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("COMPLETED");
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_FAILED_STEP)).isNull();
    histories.record(lead, "lead-delayed-recovered");
  }

  @Test
  void salesforceFailureAskingForALaterRetryIsRetriedNoSoonerThanAsked() {
    activities.salesforceOutage = FakeLeadActivities.Outage.TRANSIENT;
    activities.salesforceRetryAfter = Duration.ofMinutes(10);
    LeadWorkflow lead = newLead("conv-retry-after", "buyer@acme-corp.com");
    WorkflowClient.start(lead::process, request("conv-retry-after", "buyer@acme-corp.com"));

    env.sleep(Duration.ofMinutes(9));
    assertThat(activities.salesforceAttempts).hasValue(1);

    activities.salesforceOutage = FakeLeadActivities.Outage.NONE;
    env.sleep(Duration.ofMinutes(2));
    assertThat(activities.salesforceAttempts).hasValue(2);
    assertThat(WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class).status())
        .isEqualTo(LeadStatus.COMPLETED);
  }

  @Test
  void outageLongerThanTheKeepRetryingTimeMovesTheDelayedLeadToReviewAndAlertsOnce() {
    activities.keepRetrying = Map.of(LeadStep.SLACK, Duration.ofMinutes(2));
    activities.slackOutage = FakeLeadActivities.Outage.TRANSIENT;
    LeadWorkflow lead = newLead("conv-delayed-review", "buyer@acme-corp.com");
    WorkflowClient.start(lead::process, request("conv-delayed-review", "buyer@acme-corp.com"));

    env.sleep(Duration.ofSeconds(30));
    assertThat(lead.state().status()).isEqualTo(LeadStatus.DELAYED);
    assertThat(activities.reviewAlerts).isEmpty();

    env.sleep(Duration.ofMinutes(5));
    assertThat(lead.state().status()).isEqualTo(LeadStatus.NEEDS_REVIEW);
    assertThat(lead.state().failedStep()).isEqualTo(LeadStep.SLACK);
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("NEEDS_REVIEW");
    assertThat(activities.reviewAlerts)
        .singleElement()
        .satisfies(alert -> assertThat(alert.failedStep()).isEqualTo(LeadStep.SLACK));

    activities.slackOutage = FakeLeadActivities.Outage.NONE;
    LeadState retried = lead.reviewRetry(new RetryRequest("Slack is back", null, "alice"));
    assertThat(retried.lastDecision().decidedBy()).isEqualTo("alice");
    assertThat(WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class).status())
        .isEqualTo(LeadStatus.COMPLETED);
    assertThat(activities.slackAlertsPosted).hasSize(1);
    histories.record(lead, "lead-delayed-then-reviewed");
  }

  @Test
  void permanentRefusalGoesToReviewAtOnceEvenWhenTheStepWouldKeepRetrying() {
    activities.keepRetrying = Map.of(LeadStep.SALESFORCE, Duration.ofHours(1));
    activities.salesforceOutage = FakeLeadActivities.Outage.PERMANENT;
    LeadWorkflow lead = newLead("conv-delayed-permanent", "buyer@acme-corp.com");
    WorkflowClient.start(lead::process, request("conv-delayed-permanent", "buyer@acme-corp.com"));

    env.sleep(Duration.ofSeconds(5));

    assertThat(lead.state().status()).isEqualTo(LeadStatus.NEEDS_REVIEW);
    assertThat(activities.salesforceAttempts).hasValue(1);
    assertThat(activities.reviewAlerts).hasSize(1);
  }

  @Test
  void permanentSalesforceRefusalGoesToReviewAtOnceAndRetryCarriesTheCorrection() {
    activities.salesforceOutage = FakeLeadActivities.Outage.PERMANENT;
    LeadWorkflow lead = newLead("conv-missing-company", "buyer@gmail.com");
    WorkflowClient.start(lead::process, request("conv-missing-company", "buyer@gmail.com"));

    env.sleep(Duration.ofSeconds(5));

    assertThat(lead.state().status()).isEqualTo(LeadStatus.NEEDS_REVIEW);
    assertThat(activities.salesforceAttempts).hasValue(1);
    assertThat(currentDetails(lead))
        .contains("permanent error (INVALID_LEAD_DATA): REQUIRED_FIELD_MISSING")
        .contains("Correct the lead's data");

    activities.salesforceOutage = FakeLeadActivities.Outage.NONE;
    lead.retry(
        new RetryRequest(
            "company from LinkedIn", new LeadCorrection(null, "Globex", "#enterprise", null)));
    LeadOutcome outcome = WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class);

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(activities.crmLeadsUpserted)
        .singleElement()
        .satisfies(
            crm -> {
              assertThat(crm.enrichment().company().name()).isEqualTo("Globex");
              assertThat(crm.route().slackChannel()).isEqualTo("#enterprise");
            });
    // #enterprise has no queue of its own: the corrected alert waits on the shared queue.
    assertThat(activities.slackAlertTaskQueues).containsExactly(taskQueue);
    histories.record(lead, "lead-review-corrected");
  }

  @Test
  void skipContinuesPastSalesforceAndAlertsWithoutCrmLink() {
    activities.salesforceOutage = FakeLeadActivities.Outage.PERMANENT;
    LeadWorkflow lead = newLead("conv-skip", "buyer@acme-corp.com");
    WorkflowClient.start(lead::process, request("conv-skip", "buyer@acme-corp.com"));
    env.sleep(Duration.ofSeconds(5));

    lead.skip(new ReviewNote("created by hand in Salesforce"));
    LeadOutcome outcome = WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class);

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(outcome.reason()).isEqualTo("skipped SALESFORCE (created by hand in Salesforce)");
    assertThat(outcome.crmLeadId()).isNull();
    assertThat(activities.slackAlertsPosted)
        .singleElement()
        .satisfies(alert -> assertThat(alert.crmLead()).isNull());
    histories.record(lead, "lead-review-skipped");
  }

  @Test
  void alertRunAfterAReviewersRetryTellsWhenTheFirstRunStarted() {
    activities.slackOutage = FakeLeadActivities.Outage.TRANSIENT;
    LeadWorkflow lead = newLead("conv-slack-retry", "buyer@acme-corp.com");
    WorkflowClient.start(lead::process, request("conv-slack-retry", "buyer@acme-corp.com"));
    env.sleep(Duration.ofMinutes(1));
    assertThat(lead.state().failedStep()).isEqualTo(LeadStep.SLACK);
    long firstRunAtMost = env.currentTimeMillis();

    activities.slackOutage = FakeLeadActivities.Outage.NONE;
    lead.retry(new RetryRequest("Slack is back", null));
    WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class);

    // The activity looks for an alert the first run may have posted (and lost the answer to)
    // since then, before it posts.
    assertThat(activities.slackAlertsPosted)
        .singleElement()
        .satisfies(
            alert ->
                assertThat(alert.earlierRunsSince())
                    .isNotNull()
                    .isBefore(java.time.Instant.ofEpochMilli(firstRunAtMost)));
  }

  @Test
  void discardEndsTheLeadDiscarded() {
    activities.slackOutage = FakeLeadActivities.Outage.PERMANENT;
    LeadWorkflow lead = newLead("conv-discard", "buyer@acme-corp.com");
    WorkflowClient.start(lead::process, request("conv-discard", "buyer@acme-corp.com"));
    env.sleep(Duration.ofSeconds(5));
    assertThat(lead.state().failedStep()).isEqualTo(LeadStep.SLACK);

    lead.discard(new ReviewNote("spam"));
    LeadOutcome outcome = WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class);

    assertThat(outcome.status()).isEqualTo(LeadStatus.DISCARDED);
    assertThat(outcome.reason()).isEqualTo("discarded by a reviewer: spam");
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("DISCARDED");
    histories.record(lead, "lead-review-discarded");
  }

  @Test
  void reminderFiresWhileNobodyActsOnTheReview() {
    activities.salesforceOutage = FakeLeadActivities.Outage.PERMANENT;
    LeadWorkflow lead = newLead("conv-forgotten", "buyer@acme-corp.com");
    WorkflowClient.start(lead::process, request("conv-forgotten", "buyer@acme-corp.com"));

    env.sleep(Duration.ofHours(23));
    assertThat(activities.reviewReminders).isEmpty();

    env.sleep(Duration.ofHours(2));
    assertThat(activities.reviewReminders)
        .singleElement()
        .satisfies(
            reminder -> {
              assertThat(reminder.failedStep()).isEqualTo(LeadStep.SALESFORCE);
              assertThat(reminder.waitingFor()).isGreaterThanOrEqualTo(Duration.ofHours(24));
            });

    env.sleep(Duration.ofHours(24));
    assertThat(activities.reviewReminders).hasSize(2);
    assertThat(lead.state().status()).isEqualTo(LeadStatus.NEEDS_REVIEW);
    histories.record(lead, "lead-review-reminded");
  }

  @Test
  void completedLeadRefusesFurtherReviewSignals() {
    LeadWorkflow lead = newLead("conv-late-signal", "buyer@acme-corp.com");
    lead.process(request("conv-late-signal", "buyer@acme-corp.com"));

    assertThatThrownBy(() -> lead.discard(new ReviewNote("too late")))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThat(lead.state().status()).isEqualTo(LeadStatus.COMPLETED);
  }

  private LeadWorkflow newLead(String conversationId, String email) {
    return client.newWorkflowStub(
        LeadWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(LeadWorkflowIds.forConversation(conversationId))
            .setTaskQueue(taskQueue)
            .build());
  }

  private static LeadRequest request(String conversationId, String email) {
    LeadCaptureEvent event =
        new LeadCaptureEvent(
            "lead_capture_fallback",
            Instant.parse("2023-10-27T10:00:00Z"),
            "anon-f8a9b2c1",
            conversationId,
            email,
            "Does your API support batch processing for over 1 million records?",
            "https://api.chatbot.com/transcripts/" + conversationId,
            new LeadMetadata("/pricing/enterprise", "203.0.113.1", "Mozilla/5.0", Map.of()),
            Map.of("campaign", "autumn"));
    return new LeadRequest(event, Instant.parse("2023-10-27T10:00:01Z"), "msg_1");
  }

  private static String searchAttribute(LeadWorkflow lead, SearchAttributeKey<String> key) {
    return WorkflowStub.fromTyped(lead).describe().getTypedSearchAttributes().get(key);
  }

  /** The details the Temporal UI shows, read the way the UI reads them. */
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
