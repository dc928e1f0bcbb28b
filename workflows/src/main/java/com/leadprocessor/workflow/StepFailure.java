package com.leadprocessor.workflow;

import com.leadprocessor.workflow.lead.LeadFailureType;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * Why a step failed for good, read from the activity failure's cause.
 *
 * @param permanent true when the service refused for good; false when the retry budget ran out
 */
record StepFailure(LeadFailureType type, String message, boolean permanent) {

  static StepFailure of(ActivityFailure failure) {
    boolean permanent = failure.getRetryState() == RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE;
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure application) {
      LeadFailureType type = LeadFailureType.fromName(application.getType());
      if (type == LeadFailureType.UNEXPECTED && !permanent) {
        // An unclassified error that kept failing until the budget ran out looks like an outage.
        type = LeadFailureType.UNAVAILABLE;
      }
      return new StepFailure(type, application.getOriginalMessage(), permanent);
    }
    if (cause instanceof TimeoutFailure timeout) {
      return new StepFailure(
          LeadFailureType.UNAVAILABLE,
          "timed out (" + timeout.getTimeoutType().name() + ")",
          permanent);
    }
    String message = cause == null ? failure.getMessage() : cause.getMessage();
    return new StepFailure(LeadFailureType.UNEXPECTED, message, permanent);
  }

  /** How the failure reads for a person: kind, budget and the service's own words. */
  String describe() {
    return (permanent ? "permanent error" : "retries exhausted")
        + " ("
        + type.name()
        + "): "
        + message;
  }
}
