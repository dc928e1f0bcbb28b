package com.leadprocessor.workflow.claim;

import java.time.Instant;

/**
 * Who has a lead and since when, as the {@code state} query and the alert show it.
 *
 * @param ownerSlackUserId the Slack user who claimed the lead; null while unclaimed
 * @param ownerName that user's display name
 * @param alertedAt when the alert was posted
 * @param claimedAt when the claim was accepted; null while unclaimed
 * @param secondsToClaim from the alert (or the last hand back) to the claim, wall-clock time; null
 *     while unclaimed
 * @param escalated whether the claim deadline of this wait for a claim passed and the lead was
 *     escalated (a hand back starts a new wait)
 * @param salesforceOwnerId the Salesforce user the claim made the Lead's owner; null when not
 * @param ownerNote why the claimer did not become the Salesforce owner; null when they did
 * @param notALeadReason the reason given with Not a lead; null otherwise
 */
public record ClaimView(
    String ownerSlackUserId,
    String ownerName,
    Instant alertedAt,
    Instant claimedAt,
    Long secondsToClaim,
    boolean escalated,
    String salesforceOwnerId,
    String ownerNote,
    String notALeadReason) {}
