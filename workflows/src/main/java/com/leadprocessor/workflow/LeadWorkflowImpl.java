package com.leadprocessor.workflow;

import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.routing.RoutingInput;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.leadprocessor.workflow.verification.EmailSyntax;
import com.leadprocessor.workflow.verification.VerificationResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs one lead through its steps: verify, enrich, route, create the CRM lead, alert ({@link
 * LeadStepOrder} keeps older leads' order: route, then enrich), and, when its route asks for a
 * claim, waits for a salesperson to claim it from the alert (see {@link LeadClaim}). A required
 * step that fails for good puts the lead in review (see {@link LeadReview}); enrichment is best
 * effort. All state lives in fields so the {@code state} query and the Temporal UI's current
 * details always show where the lead is; {@link LeadStatusPublisher} decides what the search
 * attributes show.
 *
 * <h2>Changing this code</h2>
 *
 * <p>Leads in flight replay their history on the code deployed now, so a change to the commands
 * this workflow issues (activities, timers, markers, upserts, or their order) must keep every
 * recorded history replaying. The procedure, in full in {@code docs/changing-workflow-code.md}:
 *
 * <ol>
 *   <li>Guard the change with a new change id, {@code Workflow.getVersion("<new-id>",
 *       Workflow.DEFAULT_VERSION, 1)}, in a small named collaborator rather than in {@link
 *       #process}. Never redefine a change id that has shipped: a new behaviour is a new id.
 *   <li>Record the new version's histories into {@code histories/<new-id>/}, beside the older ones,
 *       by running {@code LeadWorkflowTest} with {@code -Dleads.captureHistories} (see {@code
 *       LeadHistoryRecorder}); {@code LeadWorkflowReplayTest} replays every history under {@code
 *       histories/} in CI.
 *   <li>Remove an old branch, and its histories, only when no open lead can be on it: a visibility
 *       query for running leads started before the new version was deployed counts none.
 * </ol>
 *
 * <p>The versions written before the first release were folded into one baseline on 2026-12-02
 * (recorded in {@code histories/baseline/}). The change ids in force since, each with its histories
 * in {@code histories/<change-id>/}:
 *
 * <ul>
 *   <li>{@code delayed-before-review} ({@link LeadDelays#CHANGE_ID}): a step whose service is down
 *       keeps retrying, the lead {@code DELAYED}, before it enters review.
 *   <li>{@code enrich-before-route} ({@link LeadStepOrder#ENRICH_BEFORE_ROUTE}): enrichment runs
 *       before routing.
 *   <li>{@code claim-after-alert} ({@link LeadClaim#CHANGE_ID}): a lead whose route asks for a
 *       claim waits for one after its alert, escalates and ends claimed, not a lead or unclaimed.
 *   <li>{@code alert-queue-per-channel} ({@link AlertQueuePerChannel#CHANGE_ID}): the alert waits
 *       on its channel's own task queue, paced per channel.
 *   <li>{@code salesforce-local} ({@link SalesforceAsLocalActivity#CHANGE_ID}): the Salesforce
 *       upsert runs as a local activity.
 * </ul>
 */
public class LeadWorkflowImpl implements LeadWorkflow {

  private static final Logger log = Workflow.getLogger(LeadWorkflowImpl.class);

  private final LeadActivityStubs activities = new LeadActivityStubs();
  private final LeadStatusPublisher publisher = new LeadStatusPublisher();
  private final LeadStepOrder stepOrder = new LeadStepOrder();
  private final LeadReview review;
  private final LeadDelays delays = new LeadDelays(publisher);
  private final LeadClaim claim;
  private final List<String> skipped = new ArrayList<>();
  private LeadCaptureEvent event;
  private String email;
  private LeadStatus status = LeadStatus.RECEIVED;
  private LeadStep currentStep;
  private Route route;
  private Enrichment enrichment;
  private CrmLead crmLead;
  private LeadAlert postedAlert;
  private SlackMessage slackMessage;
  private Instant slackFirstRun;

  @WorkflowInit
  public LeadWorkflowImpl(LeadRequest request) {
    this.event = request.event();
    this.email = request.event().capturedEmail();
    this.review =
        new LeadReview(Workflow.getInfo().getWorkflowId(), event.conversationId(), publisher);
    this.claim = new LeadClaim(Workflow.getInfo().getWorkflowId(), publisher);
  }

  @Override
  public LeadOutcome process(LeadRequest request) {
    publishDetails();
    try {
      VerificationResult verification = verify();
      if (!verification.accepted()) {
        return finish(LeadStatus.REJECTED, verification.rejectionReason());
      }
      stepOrder.routeAndEnrich(
          () -> route = route(verification), () -> enrichment = enrich(verification));
      crmLead = createCrmLead();
      slackMessage = alert();
      if (claim.asked(route, slackMessage)) {
        LeadClaim.Ending ending =
            claim.run(route, postedAlert, slackMessage, crmLeadId(), this::moveTo);
        return finish(ending.status(), withSkippedSteps(ending.reason()));
      }
      return finish(LeadStatus.COMPLETED, skippedSteps());
    } catch (LeadReview.Discarded discarded) {
      return finish(LeadStatus.DISCARDED, discarded.getMessage());
    }
  }

  private VerificationResult verify() {
    VerificationResult verification =
        runRequired(
            LeadStep.VERIFY,
            () -> activities.verification(email).verify(event),
            () -> VerificationResult.accepted(email, domainOf(email), false));
    if (verification.accepted()) {
      email = verification.normalizedEmail();
    }
    return verification;
  }

  private Route route(VerificationResult verification) {
    Route chosen =
        runRequired(
            LeadStep.ROUTE,
            () -> activities.routing().route(new RoutingInput(event, verification, enrichment)),
            LeadWorkflowImpl::unroutedLead);
    publisher.routed(chosen);
    return chosen;
  }

  private Enrichment enrich(VerificationResult verification) {
    enter(LeadStep.ENRICH);
    try {
      return activities.enrichment().enrich(new EnrichmentInput(event, verification));
    } catch (ActivityFailure e) {
      // Enrichment is best effort: a lead reaches sales without it rather than waiting for it.
      String reason = "enrichment failed after its retries: " + StepFailure.of(e).message();
      log.warn("Continuing without enrichment: {}", reason);
      return Enrichment.none(reason);
    }
  }

  private CrmLead createCrmLead() {
    return runRequired(
        LeadStep.SALESFORCE,
        () ->
            activities
                .salesforce(route)
                .upsertLead(new CrmLeadRequest(event, email, route, enrichment)),
        () -> null);
  }

  private SlackMessage alert() {
    return runRequired(LeadStep.SLACK, this::postAlert, () -> null);
  }

  /**
   * Posts the lead alert. A run after a reviewer's retry tells the activity when the first run
   * started, so that it looks for an alert an earlier run posted before posting again.
   */
  private SlackMessage postAlert() {
    Instant earlierRunsSince = slackFirstRun;
    if (slackFirstRun == null) {
      slackFirstRun = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
    postedAlert =
        new LeadAlert(
            Workflow.getInfo().getWorkflowId(),
            event,
            email,
            route,
            enrichment,
            crmLead,
            earlierRunsSince);
    return activities.slack(route).postLeadAlert(postedAlert);
  }

  /**
   * Runs a required step until it succeeds, a reviewer skips it (then {@code onSkip} gives its
   * result) or a reviewer discards the lead. While its service is down the step runs again with the
   * lead delayed (see {@link LeadDelays}) before the lead enters review.
   */
  private <T> T runRequired(LeadStep step, Supplier<T> attempt, Supplier<T> onSkip) {
    while (true) {
      if (delays.current() == null) {
        enter(step);
      }
      try {
        T result = attempt.get();
        delays.succeeded();
        return result;
      } catch (ActivityFailure e) {
        StepFailure failure = StepFailure.of(e);
        if (delays.runAgain(step, failure, this::markDelayed)) {
          continue;
        }
        status = LeadStatus.NEEDS_REVIEW;
        ReviewDecision decision = review.await(step, failure, this::publishDetails);
        if (decision.kind() == ReviewDecision.Kind.SKIP) {
          skipped.add(step + (decision.reason() == null ? "" : " (" + decision.reason() + ")"));
          return onSkip.get();
        }
        applyCorrection(decision.correction());
      }
    }
  }

  private void applyCorrection(LeadCorrection correction) {
    if (correction == null) {
      return;
    }
    if (correction.capturedEmail() != null && !correction.capturedEmail().isBlank()) {
      // An Update's validator has checked the syntax; a signal's correction is taken as sent.
      EmailSyntax.Parsed corrected = EmailSyntax.parse(correction.capturedEmail());
      email = corrected.valid() ? corrected.normalized() : correction.capturedEmail().trim();
      event = event.withCapturedEmail(email);
    }
    if (correction.company() != null && !correction.company().isBlank() && enrichment != null) {
      enrichment = enrichment.withCompanyName(correction.company().trim());
    }
    if (route != null) {
      route = route.correctedWith(correction.slackChannel(), correction.salesforceOwnerId());
    }
  }

  /** A status of the claim phase: no step runs any more. */
  private void moveTo(LeadStatus claimStatus) {
    status = claimStatus;
    currentStep = null;
    publishDetails();
  }

  private void markDelayed() {
    status = LeadStatus.DELAYED;
    publishDetails();
  }

  private void enter(LeadStep step) {
    currentStep = step;
    status = step.status();
    publisher.entered(step);
    publishDetails();
  }

  private LeadOutcome finish(LeadStatus finalStatus, String reason) {
    status = finalStatus;
    currentStep = null;
    publisher.finished(status);
    Workflow.setCurrentDetails(LeadDetails.render(state(), reason, null, null, claim.progress()));
    // A review Update answers once the lead acted on it: let it answer before completing.
    Workflow.await(Workflow::isEveryHandlerFinished);
    return new LeadOutcome(
        finalStatus,
        reason,
        crmLead == null ? null : crmLead.id(),
        slackMessage == null ? null : slackMessage.ts());
  }

  private String skippedSteps() {
    return skipped.isEmpty() ? null : "skipped " + String.join("; ", skipped);
  }

  private String withSkippedSteps(String reason) {
    String skippedSteps = skippedSteps();
    return skippedSteps == null ? reason : reason + "; " + skippedSteps;
  }

  private String crmLeadId() {
    return crmLead == null ? null : crmLead.id();
  }

  private void publishDetails() {
    Workflow.setCurrentDetails(
        LeadDetails.render(state(), null, review.current(), delays.current(), claim.progress()));
  }

  @Override
  public void retry(RetryRequest request) {
    review.decideBySignal(ReviewDecision.retry(request), status, this::publishDetails);
  }

  @Override
  public void skip(ReviewNote note) {
    review.decideBySignal(ReviewDecision.skip(note), status, this::publishDetails);
  }

  @Override
  public void discard(ReviewNote note) {
    review.decideBySignal(ReviewDecision.discard(note), status, this::publishDetails);
  }

  @Override
  public LeadState reviewRetry(RetryRequest request) {
    return review.decideByUpdate(ReviewDecision.retry(request), this::state);
  }

  @Override
  public void validateReviewRetry(RetryRequest request) {
    review.validate(ReviewDecision.retry(request), status);
  }

  @Override
  public LeadState reviewSkip(ReviewNote note) {
    return review.decideByUpdate(ReviewDecision.skip(note), this::state);
  }

  @Override
  public void validateReviewSkip(ReviewNote note) {
    review.validate(ReviewDecision.skip(note), status);
  }

  @Override
  public LeadState reviewDiscard(ReviewNote note) {
    return review.decideByUpdate(ReviewDecision.discard(note), this::state);
  }

  @Override
  public void validateReviewDiscard(ReviewNote note) {
    review.validate(ReviewDecision.discard(note), status);
  }

  @Override
  public LeadState claim(AlertAction action) {
    return claim.claim(action, status, this::state);
  }

  @Override
  public void validateClaim(AlertAction action) {
    claim.validateClaim(action, status);
  }

  @Override
  public LeadState notALead(AlertAction action) {
    return claim.notALead(action, status, this::state);
  }

  @Override
  public void validateNotALead(AlertAction action) {
    claim.validateNotALead(action, status);
  }

  @Override
  public LeadState handBack(AlertAction action) {
    return claim.handBack(action, status, this::state);
  }

  @Override
  public void validateHandBack(AlertAction action) {
    claim.validateHandBack(action, status);
  }

  @Override
  public LeadState state() {
    StepFailure failure =
        review.current() != null
            ? review.current().failure()
            : delays.current() == null ? null : delays.current().failure();
    return new LeadState(
        status,
        currentStep,
        review.current() == null ? null : review.current().step(),
        failure == null ? review.lastError() : failure.message(),
        route == null ? null : route.rule(),
        crmLead == null ? null : crmLead.id(),
        crmLead == null ? null : crmLead.url(),
        slackMessage == null
            ? (route == null ? null : route.slackChannel())
            : slackMessage.channel(),
        slackMessage == null ? null : slackMessage.ts(),
        review.lastDecision(),
        review.notice(),
        route == null ? null : route.explanation(),
        claim.view());
  }

  private static Route unroutedLead() {
    // A reviewer skipped routing: the Slack step falls back to its default channel and
    // Salesforce assignment rules choose the owner.
    return new Route("unrouted", null, null, LeadPriority.NORMAL, List.of());
  }

  private static String domainOf(String email) {
    int at = email == null ? -1 : email.lastIndexOf('@');
    return at < 0 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
  }
}
