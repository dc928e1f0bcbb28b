package com.leadprocessor.workflow.review;

import com.leadprocessor.workflow.LeadStep;
import java.time.Duration;
import java.util.Map;

/**
 * How long a lead may wait in review before the team is reminded, and how long a step whose service
 * is down keeps retrying before the lead enters review at all.
 *
 * @param remindAfter how long a lead may wait in review before a reminder, and again after each
 * @param keepRetrying per step, how long the step goes on retrying after its retry policy ran out
 *     (the lead shows as {@code DELAYED} meanwhile); a step not named goes to review at once. Null
 *     in histories recorded before it existed.
 */
public record ReviewPolicy(Duration remindAfter, Map<LeadStep, Duration> keepRetrying) {

  /** A policy under which every step goes to review as soon as its retry policy runs out. */
  public ReviewPolicy(Duration remindAfter) {
    this(remindAfter, Map.of());
  }

  /** How long {@code step} keeps retrying after its retry policy ran out; zero for none. */
  public Duration keepRetryingFor(LeadStep step) {
    Duration duration = keepRetrying == null ? null : keepRetrying.get(step);
    return duration == null || duration.isNegative() ? Duration.ZERO : duration;
  }
}
