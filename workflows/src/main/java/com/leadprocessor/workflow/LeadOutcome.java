package com.leadprocessor.workflow;

/**
 * The result of {@link LeadWorkflow}: how the lead ended.
 *
 * @param status {@link LeadStatus#COMPLETED}, {@link LeadStatus#REJECTED} or {@link
 *     LeadStatus#DISCARDED}
 * @param reason why it was rejected or discarded, or which steps a reviewer skipped
 */
public record LeadOutcome(
    LeadStatus status, String reason, String crmLeadId, String slackMessageTs) {}
