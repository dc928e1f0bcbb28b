package com.leadprocessor.workflow;

import com.leadprocessor.workflow.claim.LeadOwnerActivities;
import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.review.LeadReviewActivities;
import com.leadprocessor.workflow.routing.LeadRoutingActivities;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.verification.LeadVerificationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity stubs with a summary per call, which the Temporal UI shows on each step. Timeouts and
 * retry policies come from the worker's configuration, registered per activity type in its {@code
 * WorkflowImplementationOptions}, and override the fallbacks here field by field.
 *
 * <p>Verification and routing are in-process checks that take milliseconds, and enrichment is a
 * best-effort read bounded by its own short timeouts, so they run as local activities: in the
 * worker that runs the workflow, recorded as markers, without a task-queue round trip through the
 * server each (run again if the worker dies first: they only read). The Salesforce upsert runs as a
 * local activity too ({@link SalesforceAsLocalActivity}: an upsert keyed by the conversation id,
 * harmless to run again). Slack stays an ordinary activity on its channel's task queue, whose rate
 * limit paces the alerts.
 *
 * <p>The claim phase's calls (rewriting the alert, escalating, making the claimer the Salesforce
 * owner) are ordinary activities on the workflow's task queue: best effort, with a short budget
 * (the worker's {@code leads.steps.alert-update} and {@code leads.steps.claim-owner}), because a
 * claim stands whether they succeed or not.
 */
final class LeadActivityStubs {

  private static final ActivityOptions FALLBACK =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build();

  private static final ActivityOptions BEST_EFFORT_ALERT =
      ActivityOptions.newBuilder(FALLBACK)
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
          .build();

  private static final LocalActivityOptions LOCAL_FALLBACK =
      LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build();

  /**
   * Every retry of the local Salesforce step waits on a durable timer: a backoff within the local
   * retry threshold would wait in the worker instead, holding the lead's workflow task, and with it
   * the lead's queries (its state, the UI's details) and status updates, for as long as the
   * backoff.
   */
  private static final Duration RETRY_ON_A_TIMER = Duration.ofMillis(1);

  /**
   * The Salesforce request stays out of the local activity's marker: the SDK never reads it back,
   * the lead's data is in the history already (its input, the enrichment and route markers), and an
   * outage writes one marker per failed attempt, each of which would repeat it.
   */
  private static final LocalActivityOptions LOCAL_SALESFORCE_FALLBACK =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setLocalRetryThreshold(RETRY_ON_A_TIMER)
          .setDoNotIncludeArgumentsIntoMarker(true)
          .build();

  private final AlertQueuePerChannel alertQueues = new AlertQueuePerChannel();
  private final SalesforceAsLocalActivity salesforceStep = new SalesforceAsLocalActivity();

  LeadVerificationActivities verification(String email) {
    return localStub(LeadVerificationActivities.class, "Verify " + email);
  }

  LeadRoutingActivities routing() {
    return localStub(LeadRoutingActivities.class, "Route by question, page and email");
  }

  LeadEnrichmentActivities enrichment() {
    return localStub(LeadEnrichmentActivities.class, "Enrich from IP, email domain and user agent");
  }

  /**
   * The Salesforce stub: a local activity for leads on {@link SalesforceAsLocalActivity}'s version,
   * an ordinary activity for leads whose history reached the step before it.
   */
  SalesforceLeadActivities salesforce(Route route) {
    String summary = "Upsert Salesforce Lead (route " + route.rule() + ")";
    if (salesforceStep.local()) {
      return Workflow.newLocalActivityStub(
          SalesforceLeadActivities.class,
          LocalActivityOptions.newBuilder(LOCAL_SALESFORCE_FALLBACK).setSummary(summary).build());
    }
    return stub(SalesforceLeadActivities.class, summary);
  }

  /** The alert stub, on the channel's own task queue when the worker has one for it. */
  SlackAlertActivities slack(Route route) {
    String channel = route.slackChannel() == null ? "the default channel" : route.slackChannel();
    ActivityOptions.Builder options =
        ActivityOptions.newBuilder(FALLBACK).setSummary("Post Slack alert to " + channel);
    String queue = alertQueues.alertQueue(route);
    if (queue != null && !queue.isBlank()) {
      // The worker's per-step options name no task queue for this step, so this one holds.
      options.setTaskQueue(queue);
    }
    return Workflow.newActivityStub(SlackAlertActivities.class, options.build());
  }

  LeadAlertUpdates alertUpdates(String summary) {
    return Workflow.newActivityStub(
        LeadAlertUpdates.class,
        ActivityOptions.newBuilder(BEST_EFFORT_ALERT).setSummary(summary).build());
  }

  LeadOwnerActivities owners() {
    return Workflow.newActivityStub(
        LeadOwnerActivities.class,
        ActivityOptions.newBuilder(BEST_EFFORT_ALERT)
            .setSummary("Make the claimer the Salesforce Lead's owner")
            .build());
  }

  LeadReviewActivities reviewAlerts() {
    return Workflow.newActivityStub(
        LeadReviewActivities.class,
        ActivityOptions.newBuilder(BEST_EFFORT_ALERT).setSummary("Tell the team").build());
  }

  LeadReviewActivities reviewPolicy() {
    return Workflow.newLocalActivityStub(
        LeadReviewActivities.class,
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setSummary("Read the review policy")
            .build());
  }

  private static <T> T localStub(Class<T> activities, String summary) {
    return Workflow.newLocalActivityStub(
        activities, LocalActivityOptions.newBuilder(LOCAL_FALLBACK).setSummary(summary).build());
  }

  private static <T> T stub(Class<T> activities, String summary) {
    return Workflow.newActivityStub(
        activities, ActivityOptions.newBuilder(FALLBACK).setSummary(summary).build());
  }
}
