package com.leadprocessor.workflow;

import com.leadprocessor.workflow.slack.SlackChannels;
import com.leadprocessor.workflow.verification.EmailSyntax;

/**
 * The rules the review Updates' validators apply. Pure, as a validator must be: no I/O, no
 * commands, no change of state; the same rules as the verification step for an email and as the
 * Slack step for a channel.
 *
 * <p>Its messages leave the worker unsealed (see {@link ReviewRefusal}), so they never quote a
 * corrected value, a reviewer's name or anything else a caller typed.
 */
final class ReviewValidator {

  private ReviewValidator() {}

  /**
   * Refuses a decision the lead cannot take: it is not in review, a decision on this case was
   * accepted already, or a corrected value fails the rules of its step.
   *
   * @param status the lead's status, for the message
   * @param pending the decision accepted on this case and not yet acted on, or null
   * @throws RuntimeException the exception of a {@link ReviewRefusal}, with a message for the
   *     reviewer
   */
  static void check(
      String workflowId,
      LeadStatus status,
      boolean inReview,
      ReviewDecision pending,
      ReviewDecision proposed) {
    if (!inReview) {
      throw refusal(
          ReviewRefusal.NOT_IN_REVIEW,
          "Lead "
              + workflowId
              + " is "
              + status
              + ", not waiting for review; nothing was decided.");
    }
    if (pending != null) {
      throw refusal(
          ReviewRefusal.ALREADY_DECIDED,
          "Lead "
              + workflowId
              + " was already decided ("
              + pending.signalName()
              + "; the lead's details say by whom); nothing was changed.");
    }
    LeadCorrection correction = proposed.correction();
    if (correction == null) {
      return;
    }
    if (present(correction.capturedEmail())) {
      EmailSyntax.Parsed email = EmailSyntax.parse(correction.capturedEmail());
      if (!email.valid()) {
        throw refusal(
            ReviewRefusal.INVALID_CORRECTION,
            "correction.capturedEmail is refused: " + email.rejection() + ".");
      }
    }
    if (present(correction.slackChannel())
        && !SlackChannels.isValid(correction.slackChannel().strip())) {
      throw refusal(
          ReviewRefusal.INVALID_CORRECTION,
          "correction.slackChannel is refused: it " + SlackChannels.EXPECTED + ".");
    }
  }

  private static RuntimeException refusal(ReviewRefusal type, String message) {
    return type.exception(message);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
