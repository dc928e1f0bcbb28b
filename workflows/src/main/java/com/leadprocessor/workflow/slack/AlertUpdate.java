package com.leadprocessor.workflow.slack;

import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.claim.ClaimView;

/**
 * A posted alert to rewrite.
 *
 * @param alert what the alert shows, as it was posted
 * @param message the posted message: its channel id and ts
 * @param status the lead's status now ({@code AWAITING_CLAIM}, {@code CLAIMED}, ...)
 * @param claim who has the lead and since when
 */
public record AlertUpdate(
    LeadAlert alert, SlackMessage message, LeadStatus status, ClaimView claim) {}
