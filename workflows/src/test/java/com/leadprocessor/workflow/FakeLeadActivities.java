package com.leadprocessor.workflow;

import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.claim.ClaimPolicy;
import com.leadprocessor.workflow.claim.LeadOwnerActivities;
import com.leadprocessor.workflow.claim.OwnerAssignment;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.enrichment.UserAgentDetails;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadFailureType;
import com.leadprocessor.workflow.review.LeadReviewActivities;
import com.leadprocessor.workflow.review.ReviewAlert;
import com.leadprocessor.workflow.review.ReviewPolicy;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.LeadRoutingActivities;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.routing.RoutingInput;
import com.leadprocessor.workflow.routing.TopicMatch;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.AlertEscalation;
import com.leadprocessor.workflow.slack.AlertUpdate;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.slack.SlackAlertQueues;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.leadprocessor.workflow.verification.LeadVerificationActivities;
import com.leadprocessor.workflow.verification.VerificationResult;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the activities that behave like the real ones at their contract, with switches to
 * make Salesforce, Slack or enrichment fail the way the real services do. Shared with the API's
 * tests through this module's test jar, so the real {@code LeadWorkflowImpl} runs there too.
 */
public class FakeLeadActivities
    implements LeadVerificationActivities,
        LeadRoutingActivities,
        LeadEnrichmentActivities,
        SalesforceLeadActivities,
        SlackAlertActivities,
        SlackAlertQueues,
        LeadReviewActivities,
        LeadAlertUpdates,
        LeadOwnerActivities {

  /** How a switched service fails: not at all, until healed, or permanently. */
  public enum Outage {
    NONE,
    TRANSIENT,
    PERMANENT
  }

  /** What Salesforce answers a lead it refuses for good. */
  public static final String SALESFORCE_REFUSAL =
      "REQUIRED_FIELD_MISSING: Required fields are missing: [Company]";

  public volatile Outage salesforceOutage = Outage.NONE;

  /**
   * The delay a transient Salesforce failure asks for (as a connector does from {@code
   * Retry-After}, through the failure's next retry delay); none unless a test sets it.
   */
  public volatile Duration salesforceRetryAfter;

  public volatile Outage slackOutage = Outage.NONE;
  public volatile boolean enrichmentDown;

  /** How long each step keeps retrying, delayed, before review; none unless a test sets it. */
  public volatile Map<LeadStep, Duration> keepRetrying = Map.of();

  /** The claim policy every route carries; null (no claim phase) unless a test sets one. */
  public volatile ClaimPolicy claimPolicy;

  /** Whether rewriting the alert ({@code chat.update}) fails, as Slack does when it is down. */
  public volatile boolean alertUpdatesDown;

  /** Whether escalating fails. */
  public volatile boolean escalationDown;

  /** Whether assigning the Salesforce owner fails, as Salesforce does when it is down. */
  public volatile boolean ownerAssignmentDown;

  /** When set, assigning the owner waits until it is counted down, as a slow Salesforce does. */
  public volatile CountDownLatch ownerAssignmentHeld;

  /**
   * Slack users who have no Salesforce user with their email: the fallback owner applies, as the
   * real activity answers.
   */
  public final Set<String> slackUsersWithoutSalesforceUser = ConcurrentHashMap.newKeySet();

  public final List<AlertUpdate> alertUpdates = new CopyOnWriteArrayList<>();
  public final List<AlertEscalation> escalations = new CopyOnWriteArrayList<>();
  public final List<AlertAction> ownersAssigned = new CopyOnWriteArrayList<>();

  /** Conversations whose lead Salesforce refuses for good, whatever {@link #salesforceOutage}. */
  public final Set<String> salesforceRefuses = ConcurrentHashMap.newKeySet();

  /**
   * The task queue of each channel with one of its own (the default channel under {@code ""}), as
   * the worker's configuration would name them; none unless a test sets them. For any other channel
   * it answers null, and the alert runs on the workflow's own task queue, the shared queue here.
   */
  public volatile Map<String, String> channelQueues = Map.of();

  /** The task queue each posted alert ran on, in order. */
  public final List<String> slackAlertTaskQueues = new CopyOnWriteArrayList<>();

  public final AtomicInteger salesforceAttempts = new AtomicInteger();
  public final List<RoutingInput> routingInputs = new CopyOnWriteArrayList<>();
  public final List<CrmLeadRequest> crmLeadsUpserted = new CopyOnWriteArrayList<>();
  public final List<LeadAlert> slackAlertsPosted = new CopyOnWriteArrayList<>();
  public final List<ReviewAlert> reviewAlerts = new CopyOnWriteArrayList<>();
  public final List<ReviewAlert> reviewReminders = new CopyOnWriteArrayList<>();

  @Override
  public VerificationResult verify(LeadCaptureEvent event) {
    String email = event.capturedEmail().trim();
    if (email.endsWith("@mailinator.com")) {
      return VerificationResult.rejected("disposable email domain mailinator.com");
    }
    return VerificationResult.accepted(email, email.substring(email.indexOf('@') + 1), false);
  }

  @Override
  public Route route(RoutingInput input) {
    routingInputs.add(input);
    Enrichment enrichment = input.enrichment();
    String caveat =
        enrichment == null || enrichment.company() != null
            ? null
            : "routed without the company: " + String.join("; ", enrichment.unavailable());
    return new Route(
        "enterprise+api",
        "#dev-sales",
        "00G000000000001",
        LeadPriority.HIGH,
        List.of("api"),
        new TopicMatch("api", 0.71, "Do you have a REST API?", "meaning"),
        caveat,
        claimPolicy);
  }

  @Override
  public Enrichment enrich(EnrichmentInput input) {
    if (enrichmentDown) {
      throw new IllegalStateException("firmographics provider answered 503");
    }
    return new Enrichment(
        new Company("Acme Corp", "acme-corp.com", "51-200", "Software", "email-domain"),
        new UserAgentDetails("Chrome 118", "Windows 10", "Other"),
        null,
        List.of());
  }

  @Override
  public CrmLead upsertLead(CrmLeadRequest request) {
    salesforceAttempts.incrementAndGet();
    Outage outage =
        salesforceRefuses.contains(request.event().conversationId())
            ? Outage.PERMANENT
            : salesforceOutage;
    switch (outage) {
      case TRANSIENT -> {
        if (salesforceRetryAfter != null) {
          throw ApplicationFailure.newBuilder()
              .setMessage("Salesforce answered 503 Service Unavailable, Retry-After")
              .setType(LeadFailureType.UNAVAILABLE.name())
              .setNextRetryDelay(salesforceRetryAfter)
              .build();
        }
        throw new IllegalStateException("Salesforce answered 503 Service Unavailable");
      }
      case PERMANENT ->
          throw ApplicationFailure.newNonRetryableFailure(
              SALESFORCE_REFUSAL, LeadFailureType.INVALID_LEAD_DATA.name());
      default -> {
        crmLeadsUpserted.add(request);
        return new CrmLead(
            "00Q000000000001",
            "https://example.my.salesforce.com/lightning/r/Lead/00Q000000000001/view",
            true);
      }
    }
  }

  @Override
  public SlackMessage postLeadAlert(LeadAlert alert) {
    if (slackOutage == Outage.PERMANENT) {
      throw ApplicationFailure.newNonRetryableFailure(
          "channel_not_found", LeadFailureType.CONFIGURATION.name());
    }
    if (slackOutage == Outage.TRANSIENT) {
      throw new IllegalStateException("Slack answered 503");
    }
    slackAlertsPosted.add(alert);
    slackAlertTaskQueues.add(Activity.getExecutionContext().getInfo().getActivityTaskQueue());
    return new SlackMessage("C0123456789", "1700000000.000100");
  }

  @Override
  public String alertQueueFor(String channel) {
    return channelQueues.get(channel == null ? "" : channel);
  }

  @Override
  public ReviewPolicy reviewPolicy() {
    return new ReviewPolicy(Duration.ofHours(24), keepRetrying);
  }

  @Override
  public void alertReviewNeeded(ReviewAlert alert) {
    reviewAlerts.add(alert);
  }

  @Override
  public void remindReviewPending(ReviewAlert alert) {
    reviewReminders.add(alert);
  }

  @Override
  public void updateLeadAlert(AlertUpdate update) {
    if (alertUpdatesDown) {
      throw new IllegalStateException("Slack answered 503");
    }
    alertUpdates.add(update);
  }

  @Override
  public SlackMessage escalate(AlertEscalation escalation) {
    if (escalationDown) {
      throw new IllegalStateException("Slack answered 503");
    }
    escalations.add(escalation);
    return new SlackMessage("C0MANAGERS0", "1700000600.000200");
  }

  @Override
  public OwnerAssignment assignClaimer(String crmLeadId, AlertAction claimer) {
    if (ownerAssignmentDown) {
      throw new IllegalStateException("Salesforce answered 503 Service Unavailable");
    }
    CountDownLatch held = ownerAssignmentHeld;
    if (held != null) {
      try {
        held.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ownersAssigned.add(claimer);
    if (slackUsersWithoutSalesforceUser.contains(claimer.slackUserId())) {
      return new OwnerAssignment(
          "00G000000000001",
          "no Salesforce user has the Slack user's email; the route's queue 00G000000000001 owns"
              + " the Lead");
    }
    return new OwnerAssignment("005000000000042", null);
  }
}
