package com.leadprocessor.workflow;

import com.leadprocessor.workflow.review.ReviewAlert;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * The manual-review state that replaces a dead-letter queue: the lead shows as {@code NEEDS_REVIEW}
 * with its failed step, the team is told once, and the workflow waits, with a durable reminder, for
 * a reviewer's {@code retry}, {@code skip} or {@code discard}.
 */
final class LeadReview {

  private static final Logger log = Workflow.getLogger(LeadReview.class);

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
  private String lastError;

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
    current = null;
    publisher.leftReview();
    log.info("Review decision on step {}: {}", step, taken.kind());
    if (taken.kind() == ReviewDecision.Kind.DISCARD) {
      throw new Discarded(taken.reason());
    }
    return taken;
  }

  /** Records a reviewer's decision; ignored, and logged, when the lead is not in review. */
  void decide(ReviewDecision taken) {
    if (current == null) {
      log.warn("Ignoring '{}' signal: the lead is not waiting for review", taken.kind());
      return;
    }
    if (decision == null) {
      decision = taken;
    }
  }

  /** The lead's review case, or null when it is not in review. */
  Case current() {
    return current;
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

  private static void bestEffort(Runnable notification) {
    try {
      notification.run();
    } catch (ActivityFailure e) {
      // Telling the team is best effort: the lead is already visible as NEEDS_REVIEW.
      log.warn("Could not notify the team about the review: {}", e.getMessage());
    }
  }
}
