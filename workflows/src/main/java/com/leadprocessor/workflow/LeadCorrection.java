package com.leadprocessor.workflow;

/**
 * Corrections a reviewer may send with {@code retry}. Every field is optional; a null field keeps
 * the lead's current value.
 *
 * @param capturedEmail a corrected email address for the lead
 * @param company the company name to record, for a CRM that requires one
 * @param slackChannel the channel to alert instead of the routed one
 * @param salesforceOwnerId the Salesforce user or queue id to own the lead instead of the routed
 *     one
 */
public record LeadCorrection(
    String capturedEmail, String company, String slackChannel, String salesforceOwnerId) {}
