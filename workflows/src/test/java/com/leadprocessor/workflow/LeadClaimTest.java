package com.leadprocessor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.claim.ClaimPolicy;
import com.leadprocessor.workflow.claim.ClaimRefusal;
import com.leadprocessor.workflow.claim.ClaimView;
import com.leadprocessor.workflow.claim.LeadOwnerActivities;
import com.leadprocessor.workflow.claim.WorkingHours;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.AlertUpdate;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.StatsReporter;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The claim phase after the alert: who may claim, hand back or mark a lead as not a lead and when,
 * the deadlines in working time, escalation, what the alert and the CRM are told, and the time to
 * claim. Time starts on Tuesday 2026-03-03 at 09:00 UTC.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeadClaimTest {

  private static final Instant TUESDAY_9AM = Instant.parse("2026-03-03T09:00:00Z");

  private static final RetryOptions THREE_QUICK_ATTEMPTS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(100))
          .setBackoffCoefficient(1)
          .setMaximumAttempts(3)
          .build();

  /** 10 minutes to escalation, 4 hours to unclaimed, an hour to hand back, always working. */
  private static final ClaimPolicy ALWAYS =
      new ClaimPolicy(
          Duration.ofMinutes(10),
          "#sales-managers",
          Duration.ofHours(4),
          Duration.ofHours(1),
          null);

  /** Timers recorded through the workflow's metrics scope. */
  private static final List<RecordedTimer> timers = new CopyOnWriteArrayList<>();

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
                          withRetries(THREE_QUICK_ATTEMPTS),
                          LeadAlertUpdates.UPDATE_SLACK_LEAD_ALERT,
                          withRetries(THREE_QUICK_ATTEMPTS),
                          LeadAlertUpdates.ESCALATE_SLACK_LEAD_ALERT,
                          withRetries(THREE_QUICK_ATTEMPTS),
                          LeadOwnerActivities.ASSIGN_SALESFORCE_OWNER,
                          withRetries(THREE_QUICK_ATTEMPTS)))
                  .setLocalActivityOptions(
                      Map.of(
                          SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD,
                          LocalActivityOptions.newBuilder()
                              .setRetryOptions(THREE_QUICK_ATTEMPTS)
                              .build()))
                  .build(),
              LeadWorkflowImpl.class)
          .setInitialTime(TUESDAY_9AM)
          .setMetricsScope(
              new RootScopeBuilder()
                  .reporter(new RecordingReporter())
                  .reportEvery(com.uber.m3.util.Duration.ofSeconds(1)))
          .setDoNotStart(true)
          .build();

  private final FakeLeadActivities activities = new FakeLeadActivities();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private String taskQueue;
  private LeadHistoryRecorder histories;

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    activities.claimPolicy = ALWAYS;
    worker.registerActivitiesImplementations(activities);
    env.start();
    this.env = env;
    this.client = client;
    this.taskQueue = worker.getTaskQueue();
    this.histories = new LeadHistoryRecorder(client);
    timers.clear();
  }

  @Test
  void firstClaimWinsAndASecondClaimerIsToldWhoHasTheLead() {
    LeadWorkflow lead = alertedLead("conv-claimed");
    env.sleep(Duration.ofMinutes(3));

    LeadState claimed = lead.claim(click("U0ALICE", "alice"));

    assertThat(claimed.status()).isEqualTo(LeadStatus.CLAIMED);
    assertThat(claimed.claim().ownerSlackUserId()).isEqualTo("U0ALICE");
    assertThat(claimed.claim().ownerName()).isEqualTo("alice");
    assertThat(claimed.claim().secondsToClaim()).isBetween(180L, 181L);
    assertRefused(
        () -> lead.claim(click("U0BOB", "bob")),
        ClaimRefusal.ALREADY_CLAIMED,
        "is already claimed by <@U0ALICE>");

    await().until(() -> !activities.alertUpdates.isEmpty());
    assertThat(activities.ownersAssigned)
        .singleElement()
        .satisfies(owner -> assertThat(owner.slackUserId()).isEqualTo("U0ALICE"));
    assertThat(activities.alertUpdates)
        .singleElement()
        .satisfies(
            update -> {
              assertThat(update.status()).isEqualTo(LeadStatus.CLAIMED);
              assertThat(update.message().ts()).isEqualTo("1700000000.000100");
              assertThat(update.claim().ownerSlackUserId()).isEqualTo("U0ALICE");
              assertThat(update.claim().salesforceOwnerId()).isEqualTo("005000000000042");
            });
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("CLAIMED");
    assertThat(currentDetails(lead))
        .contains("**Claimed by:** <@U0ALICE> (alice)")
        .contains("**Salesforce owner:** 005000000000042")
        .contains("**Hand back until:**");

    LeadOutcome outcome = result(lead);

    assertThat(outcome.status()).isEqualTo(LeadStatus.CLAIMED);
    assertThat(outcome.reason()).isEqualTo("claimed by <@U0ALICE>");
    assertThat(activities.escalations).isEmpty();
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("CLAIMED");
    assertThat(timers)
        .singleElement()
        .satisfies(
            timer -> {
              assertThat(timer.name()).isEqualTo(LeadClaim.TIME_TO_CLAIM);
              assertThat(timer.tags()).containsEntry("route", "enterprise+api");
              assertThat(timer.seconds()).isBetween(180.0, 181.0);
            });
    histories.record(lead, "lead-claimed");
  }

  @Test
  void claimIsAnsweredBeforeSalesforceAndTheAlertAreTold() {
    activities.ownerAssignmentHeld = new CountDownLatch(1);
    LeadWorkflow lead = alertedLead("conv-slow-salesforce");

    LeadState answer = lead.claim(click("U0ALICE", "alice"));

    // Salesforce has not answered yet: the claim is taken, the owner change and the alert follow.
    assertThat(answer.status()).isEqualTo(LeadStatus.CLAIMED);
    assertThat(answer.claim().ownerSlackUserId()).isEqualTo("U0ALICE");
    assertThat(answer.claim().salesforceOwnerId()).isNull();
    assertThat(activities.alertUpdates).isEmpty();

    activities.ownerAssignmentHeld.countDown();
    await().until(() -> !activities.alertUpdates.isEmpty());
    assertThat(activities.alertUpdates.get(0).claim().salesforceOwnerId())
        .isEqualTo("005000000000042");
    assertThat(lead.state().claim().salesforceOwnerId()).isEqualTo("005000000000042");
  }

  @Test
  void handBackWhileSalesforceIsSlowRewritesTheAlertOnceForTheNewestState() {
    activities.ownerAssignmentHeld = new CountDownLatch(1);
    LeadWorkflow lead = alertedLead("conv-quick-hand-back");
    lead.claim(click("U0ALICE", "alice"));

    LeadState handedBack = lead.handBack(click("U0ALICE", "alice"));
    activities.ownerAssignmentHeld.countDown();

    assertThat(handedBack.status()).isEqualTo(LeadStatus.AWAITING_CLAIM);
    await().until(() -> !activities.alertUpdates.isEmpty());
    assertThat(activities.alertUpdates)
        .singleElement()
        .satisfies(
            update -> {
              assertThat(update.status()).isEqualTo(LeadStatus.AWAITING_CLAIM);
              assertThat(update.claim().ownerSlackUserId()).isNull();
            });
    assertThat(lead.state().claim().salesforceOwnerId()).isNull();
    assertThat(currentDetails(lead)).contains("**Handed back:** by <@U0ALICE> at ");
  }

  @Test
  void notALeadEndsTheLeadWithItsReason() {
    LeadWorkflow lead = alertedLead("conv-not-a-lead");

    assertRefused(
        () -> lead.notALead(new AlertAction("U0CAROL", "carol", "no idea", Instant.now())),
        ClaimRefusal.NOT_ALLOWED_NOW,
        "Not a lead needs one of the reasons spam, existing-customer");
    LeadState closed = lead.notALead(new AlertAction("U0CAROL", "carol", "spam", Instant.now()));

    assertThat(closed.status()).isEqualTo(LeadStatus.NOT_A_LEAD);
    assertThat(closed.claim().notALeadReason()).isEqualTo("spam");
    LeadOutcome outcome = result(lead);
    assertThat(outcome.status()).isEqualTo(LeadStatus.NOT_A_LEAD);
    assertThat(outcome.reason()).isEqualTo("not a lead (spam), said <@U0CAROL>");
    assertThat(activities.alertUpdates)
        .singleElement()
        .satisfies(update -> assertThat(update.status()).isEqualTo(LeadStatus.NOT_A_LEAD));
    assertThat(activities.ownersAssigned).isEmpty();
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("NOT_A_LEAD");
    assertThat(currentDetails(lead)).contains("**Not a lead:** spam");
    histories.record(lead, "lead-not-a-lead");
  }

  @Test
  void onlyTheOwnerMayHandBackAndAHandBackRestartsTheDeadlines() {
    LeadWorkflow lead = alertedLead("conv-handed-back");
    assertRefused(
        () -> lead.handBack(click("U0ALICE", "alice")),
        ClaimRefusal.NOT_ALLOWED_NOW,
        "is AWAITING_CLAIM: only a claimed lead can be handed back");
    env.sleep(Duration.ofMinutes(3));
    lead.claim(click("U0ALICE", "alice"));
    env.sleep(Duration.ofMinutes(27));

    assertRefused(
        () -> lead.handBack(click("U0BOB", "bob")),
        ClaimRefusal.NOT_THE_OWNER,
        "Only <@U0ALICE>, who claimed lead lead-conv-handed-back, can hand it back.");
    assertRefused(
        () -> lead.notALead(new AlertAction("U0BOB", "bob", "spam", Instant.now())),
        ClaimRefusal.NOT_THE_OWNER,
        "is claimed by <@U0ALICE>: only they can mark it as not a lead");
    LeadState handedBack = lead.handBack(click("U0ALICE", "alice"));

    assertThat(handedBack.status()).isEqualTo(LeadStatus.AWAITING_CLAIM);
    assertThat(handedBack.claim().ownerSlackUserId()).isNull();
    // The claim deadline counts from the hand back (30 min after the alert), not from the alert.
    env.sleep(Duration.ofMinutes(9));
    assertThat(activities.escalations).isEmpty();
    env.sleep(Duration.ofMinutes(2));
    assertThat(activities.escalations).hasSize(1);
    assertThat(lead.state().status()).isEqualTo(LeadStatus.ESCALATED);

    LeadState reclaimed = lead.claim(click("U0BOB", "bob"));

    assertThat(reclaimed.claim().ownerSlackUserId()).isEqualTo("U0BOB");
    assertThat(reclaimed.claim().escalated()).isTrue();
    assertThat(reclaimed.claim().secondsToClaim()).isBetween(660L, 661L);
    assertThat(result(lead).reason()).isEqualTo("claimed by <@U0BOB>");
    assertThat(activities.ownersAssigned)
        .extracting(AlertAction::slackUserId)
        .containsExactly("U0ALICE", "U0BOB");
    assertThat(activities.alertUpdates)
        .extracting(AlertUpdate::status)
        .containsExactly(
            LeadStatus.CLAIMED,
            LeadStatus.AWAITING_CLAIM,
            LeadStatus.ESCALATED,
            LeadStatus.CLAIMED);
    assertThat(timers).hasSize(2);
    histories.record(lead, "lead-handed-back");
  }

  @Test
  void unclaimedLeadEscalatesOnceAtItsClaimDeadlineAndEndsUnclaimedAtTheFinalOne() {
    LeadWorkflow lead = alertedLead("conv-unclaimed");
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("AWAITING_CLAIM");

    env.sleep(Duration.ofMinutes(9));
    assertThat(activities.escalations).isEmpty();
    env.sleep(Duration.ofMinutes(2));

    assertThat(lead.state().status()).isEqualTo(LeadStatus.ESCALATED);
    assertThat(lead.state().claim().escalated()).isTrue();
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("ESCALATED");
    assertThat(activities.escalations)
        .singleElement()
        .satisfies(
            escalation -> {
              assertThat(escalation.escalateTo()).isEqualTo("#sales-managers");
              assertThat(escalation.message().ts()).isEqualTo("1700000000.000100");
              assertThat(escalation.waited())
                  .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
            });
    assertThat(currentDetails(lead))
        .contains("**Status:** ESCALATED")
        .contains("**Escalation:** escalated to #sales-managers after 10 min")
        .contains("**Unclaimed at:** 2026-03-03T13:")
        .doesNotContain("**Escalates at:**");

    LeadOutcome outcome = result(lead);

    assertThat(outcome.status()).isEqualTo(LeadStatus.UNCLAIMED);
    assertThat(outcome.reason()).isEqualTo("nobody claimed the lead within PT4H of working time");
    assertThat(activities.escalations).hasSize(1);
    assertThat(activities.alertUpdates)
        .extracting(AlertUpdate::status)
        .containsExactly(LeadStatus.ESCALATED, LeadStatus.UNCLAIMED);
    assertThat(searchAttribute(lead, LeadSearchAttributes.LEAD_STATUS)).isEqualTo("UNCLAIMED");
    assertThat(env.currentTimeMillis())
        .isGreaterThanOrEqualTo(TUESDAY_9AM.plus(Duration.ofHours(4)).toEpochMilli());
    assertThat(timers).isEmpty();
    histories.record(lead, "lead-escalated-unclaimed");
  }

  @Test
  void quietHoursPauseTheDeadlines() {
    // Working hours 10:00 to 18:00 UTC on weekdays: the 09:00 alert's ten minutes start at 10:00.
    activities.claimPolicy =
        new ClaimPolicy(
            Duration.ofMinutes(10),
            "<!subteam^S0SALESONCALL>",
            Duration.ofHours(9),
            Duration.ofHours(1),
            new WorkingHours(
                "UTC",
                LocalTime.of(10, 0),
                LocalTime.of(18, 0),
                List.of(
                    DayOfWeek.MONDAY,
                    DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)));
    LeadWorkflow lead = alertedLead("conv-quiet-hours");
    assertThat(currentDetails(lead))
        .contains("**Escalates at:** 2026-03-03T10:10:00Z")
        .contains("**Unclaimed at:** 2026-03-04T11:00:00Z");

    env.sleep(Duration.ofMinutes(65));
    assertThat(activities.escalations).isEmpty();
    env.sleep(Duration.ofMinutes(10));
    assertThat(activities.escalations)
        .singleElement()
        .satisfies(
            escalation ->
                assertThat(escalation.escalateTo()).isEqualTo("<!subteam^S0SALESONCALL>"));

    // Eight working hours on Tuesday, the ninth on Wednesday from 10:00.
    LeadOutcome outcome = result(lead);
    assertThat(outcome.status()).isEqualTo(LeadStatus.UNCLAIMED);
    assertThat(env.currentTimeMillis())
        .isGreaterThanOrEqualTo(Instant.parse("2026-03-04T11:00:00Z").toEpochMilli());
    histories.record(lead, "lead-claim-quiet-hours");
  }

  @Test
  void claimerWithoutSalesforceUserIsShownWhoOwnsTheLeadInstead() {
    activities.slackUsersWithoutSalesforceUser.add("U0DAVE");
    LeadWorkflow lead = alertedLead("conv-owner-fallback");

    lead.claim(click("U0DAVE", "dave"));

    await().until(() -> !activities.alertUpdates.isEmpty());
    ClaimView claim = lead.state().claim();
    assertThat(claim.salesforceOwnerId()).isEqualTo("00G000000000001");
    assertThat(claim.ownerNote()).startsWith("no Salesforce user has the Slack user's email");
    assertThat(activities.alertUpdates.get(0).claim().ownerNote()).isEqualTo(claim.ownerNote());
    assertThat(currentDetails(lead))
        .contains("**Owner note:** no Salesforce user has the Slack user's email");
    assertThat(result(lead).status()).isEqualTo(LeadStatus.CLAIMED);
  }

  @Test
  void salesforceOutageDuringTheOwnerAssignmentKeepsTheClaimAndSaysSo() {
    activities.ownerAssignmentDown = true;
    LeadWorkflow lead = alertedLead("conv-owner-down");

    lead.claim(click("U0ALICE", "alice"));

    await().until(() -> !activities.alertUpdates.isEmpty());
    assertThat(lead.state().status()).isEqualTo(LeadStatus.CLAIMED);
    assertThat(lead.state().claim().ownerNote())
        .isEqualTo(
            "the claimer could not be made the Salesforce owner:"
                + " Salesforce answered 503 Service Unavailable");
    assertThat(result(lead).status()).isEqualTo(LeadStatus.CLAIMED);
  }

  @Test
  void alertThatCannotBeUpdatedDoesNotLoseTheClaim() {
    activities.alertUpdatesDown = true;
    LeadWorkflow lead = alertedLead("conv-alert-down");

    LeadState claimed = lead.claim(click("U0ALICE", "alice"));

    assertThat(claimed.status()).isEqualTo(LeadStatus.CLAIMED);
    await()
        .until(
            () ->
                currentDetails(lead)
                    .contains(
                        "**Alert:** the alert could not be updated to CLAIMED after its retries:"
                            + " Slack answered 503"));
    assertThat(lead.state().claim().ownerSlackUserId()).isEqualTo("U0ALICE");
    LeadOutcome outcome = result(lead);
    assertThat(outcome.status()).isEqualTo(LeadStatus.CLAIMED);
    histories.record(lead, "lead-claim-alert-update-failed");
  }

  @Test
  void escalationThatFailsIsShownAndTheLeadStillWaits() {
    activities.escalationDown = true;
    LeadWorkflow lead = alertedLead("conv-escalation-down");

    env.sleep(Duration.ofMinutes(11));

    await().until(() -> currentDetails(lead).contains("**Escalation:** escalation to"));
    assertThat(currentDetails(lead))
        .contains("escalation to #sales-managers failed after its retries: Slack answered 503");
    assertThat(lead.state().status()).isEqualTo(LeadStatus.ESCALATED);
    assertThat(lead.claim(click("U0ALICE", "alice")).status()).isEqualTo(LeadStatus.CLAIMED);
  }

  @Test
  void routeWithoutClaimCompletesOnceAlertedAsBefore() {
    activities.claimPolicy = null;
    LeadWorkflow lead = newLead("conv-no-claim");

    LeadOutcome outcome = lead.process(request("conv-no-claim"));

    assertThat(outcome.status()).isEqualTo(LeadStatus.COMPLETED);
    assertThat(lead.state().claim()).isNull();
    assertThat(activities.alertUpdates).isEmpty();
    // No version marker: such a lead issues exactly the commands it did before claims existed.
    assertThat(client.fetchHistory(LeadWorkflowIds.forConversation("conv-no-claim")).getEvents())
        .noneMatch(
            event ->
                event.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
                    && event.toString().contains(LeadClaim.CHANGE_ID));
  }

  @Test
  void leadInReviewBeforeItsAlertRefusesClaimsUntilItIsAlerted() {
    activities.salesforceOutage = FakeLeadActivities.Outage.PERMANENT;
    LeadWorkflow lead = newLead("conv-claim-in-review");
    WorkflowClient.start(lead::process, request("conv-claim-in-review"));
    await().until(() -> lead.state().status() == LeadStatus.NEEDS_REVIEW);

    assertRefused(
        () -> lead.claim(click("U0ALICE", "alice")),
        ClaimRefusal.NOT_ALLOWED_NOW,
        "Lead lead-conv-claim-in-review is NEEDS_REVIEW: it can be claimed only while it waits"
            + " for a claim after its alert");
    assertRefused(
        () -> lead.notALead(new AlertAction("U0ALICE", "alice", "spam", Instant.now())),
        ClaimRefusal.NOT_ALLOWED_NOW,
        "is NEEDS_REVIEW");
    assertThat(
            client
                .fetchHistory(LeadWorkflowIds.forConversation("conv-claim-in-review"))
                .getEvents())
        .noneMatch(
            event ->
                event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);

    activities.salesforceOutage = FakeLeadActivities.Outage.NONE;
    lead.reviewRetry(new RetryRequest("Salesforce is back", null, "reviewer"));
    await().until(() -> lead.state().status() == LeadStatus.AWAITING_CLAIM);

    assertThat(lead.claim(click("U0ALICE", "alice")).status()).isEqualTo(LeadStatus.CLAIMED);
  }

  private LeadWorkflow alertedLead(String conversationId) {
    LeadWorkflow lead = newLead(conversationId);
    WorkflowClient.start(lead::process, request(conversationId));
    await().until(() -> lead.state().status() == LeadStatus.AWAITING_CLAIM);
    return lead;
  }

  private static AlertAction click(String slackUserId, String name) {
    return new AlertAction(slackUserId, name, null, Instant.now());
  }

  private static void assertRefused(ThrowingCallable action, ClaimRefusal refusal, String message) {
    assertThatThrownBy(action)
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(ClaimRefusal.ofFailureType(failure.getType())).hasValue(refusal);
              assertThat(failure.getOriginalMessage()).contains(message);
            });
  }

  private LeadWorkflow newLead(String conversationId) {
    return client.newWorkflowStub(
        LeadWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(LeadWorkflowIds.forConversation(conversationId))
            .setTaskQueue(taskQueue)
            .build());
  }

  private static LeadOutcome result(LeadWorkflow lead) {
    return WorkflowStub.fromTyped(lead).getResult(LeadOutcome.class);
  }

  private static LeadRequest request(String conversationId) {
    LeadCaptureEvent event =
        new LeadCaptureEvent(
            "lead_capture_fallback",
            Instant.parse("2026-03-03T08:59:58Z"),
            "anon-f8a9b2c1",
            conversationId,
            "buyer@acme-corp.com",
            "Does your API support batch processing?",
            "https://api.chatbot.com/transcripts/" + conversationId,
            new LeadMetadata("/pricing/enterprise", "203.0.113.1", "Mozilla/5.0", Map.of()),
            Map.of());
    return new LeadRequest(event, Instant.parse("2026-03-03T08:59:59Z"), "msg_1");
  }

  private static String searchAttribute(LeadWorkflow lead, SearchAttributeKey<String> key) {
    return WorkflowStub.fromTyped(lead).describe().getTypedSearchAttributes().get(key);
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

  private record RecordedTimer(String name, Map<String, String> tags, double seconds) {}

  /** Keeps the timers the workflow records; the SDK's own metrics are left out. */
  private static final class RecordingReporter implements StatsReporter {

    @Override
    public void reportTimer(
        String name, Map<String, String> tags, com.uber.m3.util.Duration value) {
      if (name.startsWith("leads.")) {
        timers.add(new RecordedTimer(name, Map.copyOf(tags), value.getSeconds()));
      }
    }

    @Override
    public void reportCounter(String name, Map<String, String> tags, long value) {}

    @Override
    public void reportGauge(String name, Map<String, String> tags, double value) {}

    @Override
    public void reportHistogramValueSamples(
        String name,
        Map<String, String> tags,
        Buckets buckets,
        double bucketLowerBound,
        double bucketUpperBound,
        long samples) {}

    @Override
    public void reportHistogramDurationSamples(
        String name,
        Map<String, String> tags,
        Buckets buckets,
        com.uber.m3.util.Duration bucketLowerBound,
        com.uber.m3.util.Duration bucketUpperBound,
        long samples) {}

    @Override
    public Capabilities capabilities() {
      return CapableOf.REPORTING;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
