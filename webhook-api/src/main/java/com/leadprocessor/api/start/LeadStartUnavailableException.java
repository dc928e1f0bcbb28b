package com.leadprocessor.api.start;

import java.time.Duration;

/**
 * Temporal did not durably accept a start, because it is unreachable, too slow or refusing. Nothing
 * was acknowledged, so the sender must retry after {@link #retryAfter()}.
 */
public class LeadStartUnavailableException extends RuntimeException {

  private final Duration retryAfter;

  public LeadStartUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the sender should wait before delivering again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
