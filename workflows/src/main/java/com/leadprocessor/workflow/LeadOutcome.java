package com.leadprocessor.workflow;

/**
 * The result of {@link LeadWorkflow}: how the lead ended.
 *
 * @param status {@link LeadStatus#COMPLETED}, {@link LeadStatus#REJECTED} or {@link
 *     LeadStatus#DISCARDED}; on a route with a claim policy {@link LeadStatus#CLAIMED}, {@link
 *     LeadStatus#NOT_A_LEAD} or {@link LeadStatus#UNCLAIMED} instead of {@code COMPLETED}
 * @param reason why it was rejected or discarded, who claimed it, why it is not a lead or how long
 *     it waited unclaimed; then which steps a reviewer skipped
 */
public record LeadOutcome(
    LeadStatus status, String reason, String crmLeadId, String slackMessageTs) {}
