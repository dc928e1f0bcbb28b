package com.leadprocessor.workflow;

/**
 * The payload of the {@code retry} signal. Both fields are optional: a bare {@code retry} from the
 * Temporal UI or CLI reruns the failed step as it was.
 *
 * @param reason why the reviewer retries, kept in the workflow's details
 * @param correction corrected input for the step, or null
 */
public record RetryRequest(String reason, LeadCorrection correction) {}
