package com.leadprocessor.workflow.claim;

import java.time.Duration;

/**
 * How long a route's leads may wait for a claim, as the routing rules configure it. Deadlines run
 * in {@link WorkingHours working time}: quiet hours do not count.
 *
 * @param claimWithin working time from the alert to escalation, for example 10 minutes
 * @param escalateTo where to escalate once: a channel ({@code #sales-managers}) or a user group
 *     mention ({@code <!subteam^S0123>}) posted in the alert's thread
 * @param unclaimedAfter working time from the alert until the lead is marked {@code UNCLAIMED}
 * @param holdFor how long after a claim the owner may still hand the lead back; the workflow ends
 *     when it has passed
 * @param workingHours when deadlines run; null means always
 */
public record ClaimPolicy(
    Duration claimWithin,
    String escalateTo,
    Duration unclaimedAfter,
    Duration holdFor,
    WorkingHours workingHours) {}
