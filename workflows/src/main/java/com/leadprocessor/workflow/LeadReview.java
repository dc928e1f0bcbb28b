package com.leadprocessor.workflow;

import com.leadprocessor.workflow.review.ReviewAlert;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The manual-review state that replaces a dead-letter queue: the lead shows as {@code NEEDS_REVIEW}
 * with its failed step, the team is told once, and the workflow waits, with a durable reminder, for
 * a reviewer's {@code retry}, {@code skip} or {@code discard}.
 *
 * <p>Decisions arrive as Updates, validated here before they reach the history, or as signals,
 * which cannot be refused: a signal the lead cannot take is kept as a notice in its details. Every
 * decision taken is on record with who took it and writes one audit line.
 */
final class LeadReview {

  private static final Logger log = Workflow.getLogger(LeadReview.class);

  /** The audit log, as the review API's erasure writes it; the replay-aware workflow logger. */
  private static final Logger audit = Workflow.getLogger("com.leadprocessor.audit");

  /** A lead waiting in review: which step failed, why, and since when (epoch millis). */
  record Case(LeadStep step, StepFailure failure, long sinceMillis) {}

  /** Thrown out of a step when a reviewer discards the lead. */
  static final class Discarded extends RuntimeException {
    Discarded(String reason) {
      super(reason == null ? "discarded by a reviewer" : "discarded by a reviewer: " + reason);
    }
  }

  private final String workflowId;
  private final String conversationId;
  private final LeadActivityStubs activities = new LeadActivityStubs();
  private final LeadStatusPublisher publisher;
  private Case current;
  private ReviewDecision decision;
  private String decisionVia;
  private String lastError;
  private LeadDecision lastDecision;
  private String notice;

  LeadReview(String workflowId, String conversationId, LeadStatusPublisher publisher) {
    this.workflowId = workflowId;
    this.conversationId = conversationId;
    this.publisher = publisher;
  }

  /**
   * Puts the lead in review for {@code step} and blocks until a reviewer decides. Returns a retry
   * or skip decision; a discard is thrown as {@link Discarded}.
   */
  ReviewDecision await(LeadStep step, StepFailure failure, Runnable publishDetails) {
    current = new Case(step, failure, Workflow.currentTimeMillis());
    publisher.enteredReview(step);
    publishDetails.run();
    log.warn("Lead needs review: step {} failed: {}", step, failure.describe());
    bestEffort(() -> activities.reviewAlerts().alertReviewNeeded(alert(Duration.ZERO)));

    Duration remindAfter = activities.reviewPolicy().reviewPolicy().remindAfter();
    while (!Workflow.await(remindAfter, () -> decision != null)) {
      Duration waiting = Duration.ofMillis(Workflow.currentTimeMillis() - current.sinceMillis());
      bestEffort(() -> activities.reviewAlerts().remindReviewPending(alert(waiting)));
    }

    ReviewDecision taken = decision;
    decision = null;
    lastError = failure.describe();
    lastDecision =
        new LeadDecision(taken.kind().name(), step, taken.decidedBy(), taken.reason(), decisionVia);
    current = null;
    publisher.leftReview();
    auditDecision(lastDecision);
    if (taken.kind() == ReviewDecision.Kind.DISCARD) {
      throw new Discarded(taken.reason());
    }
    return taken;
  }

  /**
   * Refuses, before it reaches the history, a decision the lead cannot take: it is not in review, a
   * decision on this case was accepted already, or a corrected value fails the rules of its step
   * (the syntax rules of the verification step for an email, the Slack step's channel formats).
   * Pure, as a validator must be: no I/O, no commands, no change of state.
   *
   * @param status the lead's status, for the message
   * @throws RuntimeException the exception of a {@link ReviewRefusal}, with a message for the
   *     reviewer
   */
  void validate(ReviewDecision proposed, LeadStatus status) {
    ReviewValidator.check(workflowId, status, current != null, decision, proposed);
  }

  /**
   * Takes a decision an Update validated and waits until the lead acted on it, so the Update
   * answers with the state the decision led to: the step running again, the next step, or the end.
   */
  LeadState decideByUpdate(ReviewDecision taken, Supplier<LeadState> state) {
    Case decided = current;
    decision = taken;
    decisionVia = "update";
    Workflow.await(() -> current != decided);
    return state.get();
  }

  /**
   * Takes a decision a signal delivered. A signal cannot be refused, so one the lead cannot take is
   * kept as a notice in its details, where the reviewer who sent it can see that it did nothing.
   */
  void decideBySignal(ReviewDecision taken, LeadStatus status, Runnable publishDetails) {
    if (current != null && decision == null) {
      decision = taken;
      decisionVia = "signal";
      return;
    }
    notice =
        "A '"
            + taken.signalName()
            + "' signal"
            + (taken.decidedBy() == null ? "" : " from " + taken.decidedBy())
            + " at "
            + Instant.ofEpochMilli(Workflow.currentTimeMillis())
            + " did nothing: "
            + (current == null
                ? "the lead was " + status + ", not waiting for review."
                : "a decision on this review had already been taken.");
    log.warn("Ignoring '{}' signal: {}", taken.signalName(), notice);
    publishDetails.run();
  }

  /** The lead's review case, or null when it is not in review. */
  Case current() {
    return current;
  }

  /** The last decision taken, or null before the first. */
  LeadDecision lastDecision() {
    return lastDecision;
  }

  /** What the last signal the lead could not take was, or null. */
  String notice() {
    return notice;
  }

  /** The error of the last review case, kept after the lead left review. */
  String lastError() {
    return lastError;
  }

  private ReviewAlert alert(Duration waitingFor) {
    return new ReviewAlert(
        workflowId,
        conversationId,
        current.step(),
        current.failure().describe(),
        current.failure().type().resolution(),
        waitingFor);
  }

  /**
   * One audit line per decision: who, what, on which lead and step. The reason stays out of the log
   * (it is free text and may name a person); it is in the history and the lead's state.
   */
  private void auditDecision(LeadDecision taken) {
    audit
        .atInfo()
        .setMessage("Review decision: {} decided {} on step {} of lead {} via {}")
        .addArgument(taken.decidedBy() == null ? "an unnamed reviewer" : taken.decidedBy())
        .addArgument(taken.decision())
        .addArgument(taken.step())
        .addArgument(workflowId)
        .addArgument(taken.via())
        .addKeyValue("audit.action", "review-" + taken.decision().toLowerCase(Locale.ROOT))
        .addKeyValue("audit.actor", taken.decidedBy())
        .addKeyValue("audit.workflowId", workflowId)
        .addKeyValue("audit.step", taken.step().name())
        .addKeyValue("audit.via", taken.via())
        .log();
  }

  private static void bestEffort(Runnable notification) {
    try {
      notification.run();
    } catch (ActivityFailure e) {
      // Telling the team is best effort: the lead is already visible as NEEDS_REVIEW.
      log.warn("Could not notify the team about the review: {}", e.getMessage());
    }
  }
}
