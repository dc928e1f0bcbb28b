package com.leadprocessor.workflow;

import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.claim.AlertActions;
import com.leadprocessor.workflow.claim.ClaimPolicy;
import com.leadprocessor.workflow.claim.ClaimRefusal;
import com.leadprocessor.workflow.claim.ClaimView;
import com.leadprocessor.workflow.claim.OwnerAssignment;
import com.leadprocessor.workflow.claim.WorkingHours;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.slack.AlertEscalation;
import com.leadprocessor.workflow.slack.AlertUpdate;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackMessage;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The claim phase after the alert is posted: the lead waits, {@link LeadStatus#AWAITING_CLAIM}, for
 * a salesperson to claim it from the alert; escalates once when the route's claim deadline passes
 * ({@link LeadStatus#ESCALATED}); and ends {@link LeadStatus#UNCLAIMED} at its final deadline,
 * {@link LeadStatus#CLAIMED} once the hand-back window after a claim has passed, or {@link
 * LeadStatus#NOT_A_LEAD}. Deadlines are durable timers set to instants computed in the route's
 * {@link WorkingHours working time}; a hand back restarts both.
 *
 * <p>The Updates ({@code claim}, {@code handBack}, {@code notALead}) only change this state and
 * answer at once, in the workflow task that accepted them: Slack needs its answer within three
 * seconds. The calls that follow a change, making the claimer the Salesforce owner and rewriting
 * the alert, run on the workflow's main thread after the answer, always for the latest state: a
 * change made while one runs is caught up with when it returns. Both are best effort; their failure
 * is shown in the details, never fails the lead and never undoes the claim.
 *
 * <p>Leads started before the claim phase existed replay on {@link #CHANGE_ID}'s default version,
 * which completes the lead once alerted, as before. A lead whose route asks for no claim, or whose
 * Slack step a reviewer skipped, never reaches the version check: its commands are those of before.
 */
final class LeadClaim {

  /** The change id of the claim phase (docs/changing-workflow-code.md). */
  static final String CHANGE_ID = "claim-after-alert";

  /** Alert posted (or lead handed back) to claim accepted, per route, in seconds. */
  static final String TIME_TO_CLAIM = "leads.time.to.claim";

  private static final Logger log = Workflow.getLogger(LeadClaim.class);

  private static final Set<LeadStatus> WAITING =
      EnumSet.of(LeadStatus.AWAITING_CLAIM, LeadStatus.ESCALATED);

  /** How the claim phase ended, for the lead's outcome. */
  record Ending(LeadStatus status, String reason) {}

  /**
   * What the details show beside the {@link ClaimView}: the deadlines running now and what the
   * best-effort calls did.
   *
   * @param escalatesAt when the lead escalates if nobody claims it; null when it will not
   * @param unclaimedAt when it ends unclaimed; null when it is claimed or closed
   * @param handBackUntil until when the owner may hand it back; null unless claimed
   * @param escalation what the escalation did; null before one
   * @param alertProblem why the alert does not show the lead's state; null when it does
   * @param handedBack who handed the lead back last, and when; null when nobody did
   */
  record Progress(
      Instant escalatesAt,
      Instant unclaimedAt,
      Instant handBackUntil,
      String escalation,
      String alertProblem,
      String handedBack) {}

  private final String workflowId;
  private final LeadActivityStubs activities = new LeadActivityStubs();
  private final LeadStatusPublisher publisher;
  private ClaimPolicy policy;
  private String routeRule;
  private LeadAlert alert;
  private SlackMessage message;
  private Consumer<LeadStatus> moveTo;

  private LeadStatus status;
  private boolean closed;
  private Ending ending;
  private ClaimView view;
  private AlertAction owner;
  private Instant waitingSince;
  private Instant escalatesAt;
  private Instant unclaimedAt;
  private Instant handBackUntil;
  private boolean escalatedThisWait;

  /** Counts accepted changes; the main thread catches up with the latest. */
  private int changes;

  private int alertShows;
  private int claims;
  private boolean ownerPending;
  private String escalation;
  private String alertProblem;
  private String handedBack;

  LeadClaim(String workflowId, LeadStatusPublisher publisher) {
    this.workflowId = workflowId;
    this.publisher = publisher;
  }

  /**
   * Whether this lead waits for a claim: its route asks for one, the alert was posted, and the lead
   * runs on a version with claims. Takes the version only when the first two hold.
   */
  boolean asked(Route route, SlackMessage posted) {
    if (route == null || route.claim() == null || posted == null) {
      return false;
    }
    return Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
  }

  /**
   * Runs the claim phase until the lead ends.
   *
   * @param moveTo sets the lead's status and publishes its details
   */
  Ending run(
      Route route,
      LeadAlert posted,
      SlackMessage postedMessage,
      String crmLeadId,
      Consumer<LeadStatus> moveTo) {
    this.policy = route.claim();
    this.routeRule = route.rule() == null ? "unrouted" : route.rule();
    this.alert = posted;
    this.message = postedMessage;
    this.moveTo = moveTo;
    Instant now = now();
    view = new ClaimView(null, null, now, null, null, false, null, null, null);
    // The alert was posted showing an unclaimed lead: nothing to rewrite until something changes.
    startWaiting(now);
    alertShows = changes;
    log.info("Lead alerted, waiting for a claim until {} at the latest", unclaimedAt);
    while (true) {
      catchUp(crmLeadId);
      if (ending != null) {
        return ending;
      }
      int seen = changes;
      Instant deadline = nextDeadline();
      if (deadline == null) {
        Workflow.await(() -> changes != seen);
        continue;
      }
      Duration left = Duration.between(now(), deadline);
      if (!left.isNegative() && !left.isZero() && Workflow.await(left, () -> changes != seen)) {
        continue;
      }
      deadlinePassed();
    }
  }

  // --- the Updates --------------------------------------------------------------------------

  /** Refuses a claim the lead cannot take; pure, as a validator must be. */
  void validateClaim(AlertAction action, LeadStatus leadStatus) {
    requireClicker(action);
    if (status == LeadStatus.CLAIMED) {
      throw ClaimRefusal.ALREADY_CLAIMED.exception(
          "Lead " + workflowId + " is already claimed by " + mention(owner) + ".");
    }
    requireWaiting(leadStatus, "claimed");
  }

  /** Gives the lead to the claimer and answers with its state at once. */
  LeadState claim(AlertAction action, LeadStatus leadStatus, Supplier<LeadState> state) {
    recheck(() -> validateClaim(action, leadStatus));
    Instant now = now();
    long secondsToClaim = Duration.between(waitingSince, now).toSeconds();
    owner = action;
    view =
        new ClaimView(
            action.slackUserId(),
            action.slackUserName(),
            view.alertedAt(),
            now,
            secondsToClaim,
            view.escalated(),
            null,
            null,
            null);
    claims++;
    ownerPending = true;
    handBackUntil = now.plus(orZero(policy.holdFor()));
    escalatesAt = null;
    unclaimedAt = null;
    enter(LeadStatus.CLAIMED, true);
    // The workflow's metrics scope reports nothing on replay: one sample per accepted claim.
    Workflow.getMetricsScope()
        .tagged(Map.of("route", routeRule))
        .timer(TIME_TO_CLAIM)
        .record(com.uber.m3.util.Duration.ofMillis(Duration.between(waitingSince, now).toMillis()));
    log.info("Lead claimed by {} after {} s", action.slackUserId(), secondsToClaim);
    return state.get();
  }

  /** Refuses a hand back from anyone but the owner, or of a lead nobody has. */
  void validateHandBack(AlertAction action, LeadStatus leadStatus) {
    requireClicker(action);
    if (status != LeadStatus.CLAIMED || closed) {
      throw ClaimRefusal.NOT_ALLOWED_NOW.exception(
          "Lead "
              + workflowId
              + " is "
              + shown(leadStatus)
              + ": only a claimed lead can be handed back; nothing was changed.");
    }
    if (!isOwner(action)) {
      throw ClaimRefusal.NOT_THE_OWNER.exception(
          "Only " + mention(owner) + ", who claimed lead " + workflowId + ", can hand it back.");
    }
  }

  /** Gives the lead back: it waits for a claim again, its deadlines restarted from now. */
  LeadState handBack(AlertAction action, LeadStatus leadStatus, Supplier<LeadState> state) {
    recheck(() -> validateHandBack(action, leadStatus));
    Instant now = now();
    handedBack = mention(action) + " at " + now;
    owner = null;
    ownerPending = false;
    handBackUntil = null;
    view = new ClaimView(null, null, view.alertedAt(), null, null, false, null, null, null);
    startWaiting(now);
    log.info("Lead handed back by {}", action.slackUserId());
    return state.get();
  }

  /** Refuses a Not a lead the lead's state does not allow, or without a known reason. */
  void validateNotALead(AlertAction action, LeadStatus leadStatus) {
    requireClicker(action);
    if (status == LeadStatus.CLAIMED && !closed && !isOwner(action)) {
      throw ClaimRefusal.NOT_THE_OWNER.exception(
          "Lead "
              + workflowId
              + " is claimed by "
              + mention(owner)
              + ": only they can mark it as not a lead.");
    }
    if (!WAITING.contains(status) && (status != LeadStatus.CLAIMED || closed)) {
      throw ClaimRefusal.NOT_ALLOWED_NOW.exception(
          "Lead "
              + workflowId
              + " is "
              + shown(leadStatus)
              + ": only an alerted lead that is still open can be marked as not a lead;"
              + " nothing was changed.");
    }
    if (!AlertActions.NOT_A_LEAD_REASONS.contains(action.reason())) {
      throw ClaimRefusal.NOT_ALLOWED_NOW.exception(
          "Not a lead needs one of the reasons "
              + String.join(", ", AlertActions.NOT_A_LEAD_REASONS)
              + "; nothing was changed.");
    }
  }

  /** Ends the lead as not a lead, and answers with its final state at once. */
  LeadState notALead(AlertAction action, LeadStatus leadStatus, Supplier<LeadState> state) {
    recheck(() -> validateNotALead(action, leadStatus));
    view =
        new ClaimView(
            view.ownerSlackUserId(),
            view.ownerName(),
            view.alertedAt(),
            view.claimedAt(),
            view.secondsToClaim(),
            view.escalated(),
            view.salesforceOwnerId(),
            view.ownerNote(),
            action.reason());
    ownerPending = false;
    close(LeadStatus.NOT_A_LEAD, "not a lead (" + action.reason() + "), said " + mention(action));
    log.info("Lead marked as not a lead ({}) by {}", action.reason(), action.slackUserId());
    return state.get();
  }

  // --- what the state and the details show ------------------------------------------------------

  /** Who has the lead; null before the claim phase. */
  ClaimView view() {
    return view;
  }

  /** The deadlines and notes of the claim phase; null before it. */
  Progress progress() {
    if (view == null) {
      return null;
    }
    boolean waiting = !closed && WAITING.contains(status);
    return new Progress(
        waiting && !escalatedThisWait ? escalatesAt : null,
        waiting ? unclaimedAt : null,
        closed ? null : handBackUntil,
        escalation,
        alertProblem,
        handedBack);
  }

  // --- the main thread ------------------------------------------------------------------------

  private void startWaiting(Instant since) {
    waitingSince = since;
    escalatedThisWait = false;
    WorkingHours hours = policy.workingHours();
    escalatesAt =
        policy.claimWithin() == null || policy.escalateTo() == null
            ? null
            : WorkingHours.after(hours, since, policy.claimWithin());
    unclaimedAt =
        policy.unclaimedAfter() == null
            ? null
            : WorkingHours.after(hours, since, policy.unclaimedAfter());
    enter(LeadStatus.AWAITING_CLAIM, true);
  }

  private Instant nextDeadline() {
    if (status == LeadStatus.CLAIMED) {
      return handBackUntil;
    }
    if (!escalatedThisWait
        && escalatesAt != null
        && (unclaimedAt == null || escalatesAt.isBefore(unclaimedAt))) {
      return escalatesAt;
    }
    return unclaimedAt;
  }

  private void deadlinePassed() {
    if (status == LeadStatus.CLAIMED) {
      close(LeadStatus.CLAIMED, "claimed by " + mention(owner));
      // Nothing changed that the alert shows: it keeps showing the owner.
      alertShows = changes;
      return;
    }
    if (!escalatedThisWait
        && escalatesAt != null
        && (unclaimedAt == null || escalatesAt.isBefore(unclaimedAt))) {
      escalate();
      return;
    }
    close(
        LeadStatus.UNCLAIMED,
        "nobody claimed the lead within " + policy.unclaimedAfter() + " of working time");
    log.warn("Lead unclaimed at its final deadline {}", unclaimedAt);
  }

  /** Escalates once per wait for a claim; best effort. */
  private void escalate() {
    escalatedThisWait = true;
    view =
        new ClaimView(
            null, null, view.alertedAt(), null, null, true, null, null, view.notALeadReason());
    enter(LeadStatus.ESCALATED, true);
    Duration waited = Duration.between(waitingSince, now());
    String to = policy.escalateTo();
    try {
      activities
          .alertUpdates("Escalate the unclaimed lead to " + to)
          .escalate(new AlertEscalation(alert, message, to, waited));
      escalation = "escalated to " + to + " after " + waited.toMinutes() + " min";
      log.warn("Lead unclaimed after {}: escalated to {}", waited, to);
    } catch (ActivityFailure e) {
      escalation =
          "escalation to " + to + " failed after its retries: " + StepFailure.of(e).message();
      log.warn("Could not escalate the unclaimed lead: {}", escalation);
    }
    moveTo.accept(status);
  }

  /** Makes the claimer the CRM owner and rewrites the alert until both show the latest state. */
  private void catchUp(String crmLeadId) {
    while (true) {
      if (ownerPending) {
        assignOwner(crmLeadId);
      } else if (alertShows != changes) {
        updateAlert();
      } else {
        return;
      }
    }
  }

  private void assignOwner(String crmLeadId) {
    ownerPending = false;
    int claim = claims;
    AlertAction claimer = owner;
    String salesforceOwnerId = null;
    String note;
    if (crmLeadId == null) {
      note = "no Salesforce Lead to own: a reviewer skipped the Salesforce step";
    } else {
      try {
        OwnerAssignment assignment = activities.owners().assignClaimer(crmLeadId, claimer);
        salesforceOwnerId = assignment.salesforceOwnerId();
        note = assignment.note();
      } catch (ActivityFailure e) {
        note = "the claimer could not be made the Salesforce owner: " + StepFailure.of(e).message();
        log.warn("Could not assign the Salesforce owner: {}", note);
      }
    }
    if (claim != claims || status != LeadStatus.CLAIMED) {
      // Handed back (or closed) while the assignment ran: the view is no longer this claim's.
      return;
    }
    view =
        new ClaimView(
            view.ownerSlackUserId(),
            view.ownerName(),
            view.alertedAt(),
            view.claimedAt(),
            view.secondsToClaim(),
            view.escalated(),
            salesforceOwnerId,
            note,
            view.notALeadReason());
    changes++;
    moveTo.accept(status);
  }

  private void updateAlert() {
    int showing = changes;
    try {
      activities
          .alertUpdates("Update the Slack alert: " + status)
          .updateLeadAlert(new AlertUpdate(alert, message, status, view));
      alertProblem = null;
    } catch (ActivityFailure e) {
      alertProblem =
          "the alert could not be updated to "
              + status
              + " after its retries: "
              + StepFailure.of(e).message();
      log.warn("Could not update the Slack alert: {}", alertProblem);
    }
    alertShows = showing;
    moveTo.accept(status);
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  private void enter(LeadStatus next, boolean publish) {
    status = next;
    changes++;
    if (publish) {
      publisher.claimPhase(next);
    }
    moveTo.accept(next);
  }

  /** Ends the phase; the final status is published with the lead's outcome. */
  private void close(LeadStatus last, String reason) {
    closed = true;
    ending = new Ending(last, reason);
    enter(last, false);
  }

  private void requireWaiting(LeadStatus leadStatus, String what) {
    if (!WAITING.contains(status)) {
      throw ClaimRefusal.NOT_ALLOWED_NOW.exception(
          "Lead "
              + workflowId
              + " is "
              + shown(leadStatus)
              + ": it can be "
              + what
              + " only while it waits for a claim after its alert; nothing was changed.");
    }
  }

  private static void requireClicker(AlertAction action) {
    if (action == null || action.slackUserId() == null || action.slackUserId().isBlank()) {
      throw ClaimRefusal.NOT_ALLOWED_NOW.exception(
          "An alert action needs the Slack user who clicked; nothing was changed.");
    }
  }

  /**
   * Runs a validator again in the handler: two Updates delivered in one workflow task may both be
   * validated before either handler runs (each handler runs on a workflow thread of its own), so
   * the second is refused here, as a failed Update with the refusal's type.
   */
  private static void recheck(Runnable validator) {
    try {
      validator.run();
    } catch (RuntimeException refused) {
      throw ApplicationFailure.newFailure(refused.getMessage(), refused.getClass().getName());
    }
  }

  private boolean isOwner(AlertAction action) {
    return owner != null && owner.slackUserId().equals(action.slackUserId());
  }

  private LeadStatus shown(LeadStatus leadStatus) {
    return status == null ? leadStatus : status;
  }

  private static String mention(AlertAction action) {
    return action == null ? "somebody" : "<@" + action.slackUserId() + ">";
  }

  private static Duration orZero(Duration duration) {
    return duration == null ? Duration.ZERO : duration;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
