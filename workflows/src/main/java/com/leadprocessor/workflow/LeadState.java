package com.leadprocessor.workflow;

import com.leadprocessor.workflow.claim.ClaimView;

/**
 * What the {@code state} query answers: the lead as it is now.
 *
 * @param currentStep the step running or waiting for review; null before the first and at the end
 * @param failedStep the step that sent the lead to review; null when it is not in review
 * @param lastError the last error of the failed step, as the failing service reported it
 * @param route the name of the routing rule the lead matched
 * @param lastDecision the last review decision taken, with who took it and why; null before one
 * @param notice the last review signal the lead could not take, and why; null when none
 * @param routeExplanation why the lead took its route: the topic, its score and the nearest
 *     example, and what routing could not see; null when there is nothing to say
 * @param claim who has the lead once alerted; null before the alert or when its route asks for no
 *     claim
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
    String notice,
    String routeExplanation,
    ClaimView claim) {

  /** A state without an explanation of the route or a claim. */
  public LeadState(
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
      String notice) {
    this(
        status,
        currentStep,
        failedStep,
        lastError,
        route,
        crmLeadId,
        crmLeadUrl,
        slackChannel,
        slackMessageTs,
        lastDecision,
        notice,
        null,
        null);
  }
}
