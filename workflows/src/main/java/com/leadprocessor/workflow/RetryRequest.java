package com.leadprocessor.workflow;

/**
 * The input of the {@code reviewRetry} Update and the {@code retry} signal. Every field is
 * optional: a bare {@code retry} signal from the Temporal UI or CLI reruns the failed step as it
 * was.
 *
 * @param reason why the reviewer retries, kept in the workflow's details
 * @param correction corrected input for the step, or null
 * @param decidedBy who decided: the review API's token name, or the name a reviewer gives in the
 *     Temporal UI or CLI
 */
public record RetryRequest(String reason, LeadCorrection correction, String decidedBy) {

  /** A retry whose reviewer is not named, as histories recorded before {@code decidedBy} carry. */
  public RetryRequest(String reason, LeadCorrection correction) {
    this(reason, correction, null);
  }
}
