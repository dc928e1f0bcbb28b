package com.leadprocessor.worker;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;

/**
 * Timeout and retry policy of one workflow step. It names no task queue: the workflow chooses the
 * Slack step's queue per channel, and the worker's per-step options would override its choice.
 *
 * @param startToCloseTimeout how long one attempt may run
 * @param initialInterval the wait before the first retry
 * @param backoffCoefficient how much each wait grows
 * @param maximumInterval the longest wait between attempts
 * @param maximumAttempts attempts before the step gives up and the lead goes to review (or, for
 *     enrichment, continues without it); 0 means no limit
 */
public record StepOptions(
    @NotNull Duration startToCloseTimeout,
    @NotNull Duration initialInterval,
    @DecimalMin("1.0") double backoffCoefficient,
    @NotNull Duration maximumInterval,
    @PositiveOrZero int maximumAttempts) {

  ActivityOptions toActivityOptions() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToCloseTimeout)
        .setRetryOptions(retryOptions())
        .build();
  }

  /** The same policy for a step the workflow runs as a local activity (no task queue). */
  LocalActivityOptions toLocalActivityOptions() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToCloseTimeout)
        .setRetryOptions(retryOptions())
        .build();
  }

  private RetryOptions retryOptions() {
    return RetryOptions.newBuilder()
        .setInitialInterval(initialInterval)
        .setBackoffCoefficient(backoffCoefficient)
        .setMaximumInterval(maximumInterval)
        .setMaximumAttempts(maximumAttempts)
        .build();
  }
}
