package com.leadprocessor.workflow;

/**
 * What the {@code state} query answers: the lead as it is now.
 *
 * @param currentStep the step running or waiting for review; null before the first and at the end
 * @param failedStep the step that sent the lead to review; null when it is not in review
 * @param lastError the last error of the failed step, as the failing service reported it
 * @param route the name of the routing rule the lead matched
 * @param lastDecision the last review decision taken, with who took it and why; null before one
 * @param notice the last review signal the lead could not take, and why; null when none
 */
public record LeadState(
    LeadStatus status,
    LeadStep currentStep,
    LeadStep failedStep,
    String lastError,
    String route,
    String crmLeadId,
    String crmLeadUrl,
    String slackChannel,
    String slackMessageTs,
    LeadDecision lastDecision,
    String notice) {}
