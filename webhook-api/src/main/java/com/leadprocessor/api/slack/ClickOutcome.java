package com.leadprocessor.api.slack;

import com.leadprocessor.workflow.LeadWorkflow;
import java.util.Locale;

/**
 * What became of a click, as the clicker is told in an ephemeral message and as {@code
 * leads.slack.interactions} counts it.
 *
 * @param kind the outcome
 * @param text the ephemeral message's text
 */
record ClickOutcome(Kind kind, String text) {

  /** The outcomes of a click that reached the lead's workflow, or tried to. */
  enum Kind {
    /** The Update was accepted and applied. */
    ACCEPTED,
    /** The lead's validator refused the click (someone else has it, not allowed now...). */
    REFUSED,
    /** No open lead by that id: never existed, or already completed. */
    LEAD_CLOSED,
    /** The workflow did not answer within {@code leads.slack.update-timeout}. */
    WORKER_SILENT;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static ClickOutcome accepted(String updateName) {
    return new ClickOutcome(
        Kind.ACCEPTED,
        switch (updateName) {
          case LeadWorkflow.UPDATE_CLAIM -> "You claimed this lead. It is yours now.";
          case LeadWorkflow.UPDATE_NOT_A_LEAD -> "Marked as not a lead. Thank you.";
          case LeadWorkflow.UPDATE_HAND_BACK ->
              "You handed this lead back; it waits for a claim again.";
          default -> "Done.";
        });
  }

  static ClickOutcome refused(String message) {
    return new ClickOutcome(
        Kind.REFUSED,
        message == null || message.isBlank()
            ? "This lead does not take that action now."
            : message);
  }

  static ClickOutcome leadClosed() {
    return new ClickOutcome(Kind.LEAD_CLOSED, "This lead is no longer open.");
  }

  static ClickOutcome workerSilent() {
    return new ClickOutcome(
        Kind.WORKER_SILENT,
        "The lead processor did not answer in time, so your click may not have been applied."
            + " Look at the alert again in a minute, and click again if nothing changed.");
  }
}
