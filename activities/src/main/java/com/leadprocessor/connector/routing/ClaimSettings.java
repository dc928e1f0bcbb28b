package com.leadprocessor.connector.routing;

import com.leadprocessor.connector.routing.RoutingRulesFile.Problem;
import com.leadprocessor.connector.slack.EscalationTargets;
import com.leadprocessor.workflow.claim.ClaimPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code claim} block of the routing rules, under a rule's {@code then} or under {@code default}:
 * how long the route's leads may wait for a salesperson to claim them in Slack, and where they
 * escalate. Like every outcome, the first matching rule that sets it wins and {@code default} fills
 * in; {@code enabled: false} turns claims off for a rule's leads.
 *
 * @param enabled false: the leads of this route are not claimed (they complete once alerted)
 * @param claimWithin working time from the alert until the lead is escalated, such as {@code 10m}
 * @param escalateTo a channel ({@code "#sales-managers"}), a user group mention ({@code
 *     "<!subteam^S0123ABCD>"}) or {@code "<!here>"}, the mentions posted in the alert's thread
 * @param unclaimedAfter working time from the alert until the lead is marked {@code UNCLAIMED};
 *     must be after {@code claim-within}
 * @param holdFor how long after a claim the owner may still hand the lead back; 24h when left out
 * @param workingHours when deadlines run; always when left out
 */
record ClaimSettings(
    Boolean enabled,
    Duration claimWithin,
    String escalateTo,
    Duration unclaimedAfter,
    Duration holdFor,
    WorkingHoursSettings workingHours) {

  static final Duration DEFAULT_HOLD_FOR = Duration.ofHours(24);

  ClaimSettings {
    escalateTo = escalateTo == null || escalateTo.isBlank() ? null : escalateTo.strip();
  }

  /** Whether this block switches claims off. */
  boolean off() {
    return Boolean.FALSE.equals(enabled);
  }

  /**
   * What is wrong with the block.
   *
   * @param at its path, such as {@code rules[2].then.claim}
   */
  List<Problem> problems(String at) {
    List<Problem> problems = new ArrayList<>();
    if (off()) {
      return problems;
    }
    positive(claimWithin, at + ".claim-within", true, problems);
    positive(unclaimedAfter, at + ".unclaimed-after", true, problems);
    positive(holdFor, at + ".hold-for", false, problems);
    if (isPositive(claimWithin)
        && isPositive(unclaimedAfter)
        && unclaimedAfter.compareTo(claimWithin) <= 0) {
      problems.add(
          new Problem(
              at + ".unclaimed-after",
              "'%s' is not after claim-within '%s'; expected the final deadline after the"
                      .formatted(readable(unclaimedAfter), readable(claimWithin))
                  + " escalation, such as claim-within: 10m and unclaimed-after: 1h"));
    }
    if (escalateTo == null) {
      problems.add(new Problem(at + ".escalate-to", "is required; " + EscalationTargets.EXPECTED));
    } else if (!EscalationTargets.isValid(escalateTo)) {
      problems.add(
          new Problem(
              at + ".escalate-to",
              "'%s' is invalid; %s".formatted(escalateTo, EscalationTargets.EXPECTED)));
    }
    if (workingHours != null) {
      problems.addAll(workingHours.problems(at + ".working-hours"));
    }
    return problems;
  }

  /** The policy a route carries; only for a block without problems that is not off. */
  ClaimPolicy toPolicy() {
    return new ClaimPolicy(
        claimWithin,
        escalateTo,
        unclaimedAfter,
        holdFor == null ? DEFAULT_HOLD_FOR : holdFor,
        workingHours == null ? null : workingHours.toWorkingHours());
  }

  private static void positive(
      Duration duration, String path, boolean required, List<Problem> problems) {
    if (duration == null) {
      if (required) {
        problems.add(new Problem(path, "is required; expected a duration such as 10m or 1h"));
      }
    } else if (!isPositive(duration)) {
      problems.add(
          new Problem(
              path,
              "'%s' is not positive; expected a duration such as 10m or 1h"
                  .formatted(readable(duration))));
    }
  }

  private static boolean isPositive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }

  private static String readable(Duration duration) {
    return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
