package com.leadprocessor.workflow.slack;

import java.time.Duration;

/**
 * An unclaimed lead to escalate.
 *
 * @param alert what the alert shows
 * @param message the posted alert, linked from the escalation
 * @param escalateTo a channel, or a user group mention posted in the alert's thread
 * @param waited how long the lead has waited for a claim
 */
public record AlertEscalation(
    LeadAlert alert, SlackMessage message, String escalateTo, Duration waited) {}
