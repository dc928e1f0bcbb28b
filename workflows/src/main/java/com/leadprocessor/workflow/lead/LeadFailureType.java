package com.leadprocessor.workflow.lead;

/**
 * The failure types activities put on a non-retryable {@code ApplicationFailure}, so the workflow
 * and the people reviewing a lead can tell what kind of problem stopped it and how to resolve it.
 */
public enum LeadFailureType {
  /**
   * The downstream service refused the lead's data (missing or invalid fields, validation rules).
   */
  INVALID_LEAD_DATA(
      "Correct the lead's data and send the 'retry' signal with the corrected fields."),
  /** Credentials were rejected even after renewing them. */
  AUTHENTICATION("Fix the service credentials in the worker configuration, then send 'retry'."),
  /** The service is reachable but our configuration does not fit it (channel, field, scope). */
  CONFIGURATION(
      "Fix the worker configuration (channel, field mapping, scopes), then send 'retry'."),
  /** The record already exists in a way this service cannot resolve alone. */
  DUPLICATE(
      "Check the existing record; 'skip' if it is the same person, or 'retry' with corrections."),
  /** The service was unavailable or rate limited for longer than the step's retry budget. */
  UNAVAILABLE("Wait until the service is healthy again, then send 'retry'."),
  /** Anything not classified above. */
  UNEXPECTED(
      "Read the error, fix the cause, then send 'retry'; 'skip' or 'discard' if it cannot be fixed.");

  private final String resolution;

  LeadFailureType(String resolution) {
    this.resolution = resolution;
  }

  /** What a reviewer should do about a failure of this type. */
  public String resolution() {
    return resolution;
  }

  /** The type named by an {@code ApplicationFailure}, or {@link #UNEXPECTED} if it is not ours. */
  public static LeadFailureType fromName(String name) {
    for (LeadFailureType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return UNEXPECTED;
  }
}
