package com.leadprocessor.worker;

import com.leadprocessor.workflow.claim.LeadOwnerActivities;
import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.routing.LeadRoutingActivities;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.verification.LeadVerificationActivities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Per-step timeouts and retry policies ({@code leads.steps.*}). Verification and routing run our
 * own code, so by default they retry without limit until a fix is deployed; Salesforce and Slack
 * get a budget after which the lead goes to review. The claim phase's calls are best effort: {@code
 * alert-update} (rewriting the alert, escalating) and {@code claim-owner} (making the claimer the
 * Salesforce owner) get a short budget, after which the lead shows the failure and keeps its claim.
 */
@Validated
@ConfigurationProperties("leads.steps")
public record LeadStepsProperties(
    @NotNull @Valid StepOptions verify,
    @NotNull @Valid StepOptions route,
    @NotNull @Valid StepOptions enrich,
    @NotNull @Valid StepOptions salesforce,
    @NotNull @Valid StepOptions slack,
    @NotNull @Valid StepOptions alertUpdate,
    @NotNull @Valid StepOptions claimOwner) {

  /** The options of each step, keyed by the activity type that runs it. */
  Map<String, StepOptions> byActivityType() {
    return Map.of(
        LeadVerificationActivities.VERIFY_LEAD, verify,
        LeadRoutingActivities.ROUTE_LEAD, route,
        LeadEnrichmentActivities.ENRICH_LEAD, enrich,
        SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD, salesforce,
        SlackAlertActivities.POST_SLACK_LEAD_ALERT, slack,
        LeadAlertUpdates.UPDATE_SLACK_LEAD_ALERT, alertUpdate,
        LeadAlertUpdates.ESCALATE_SLACK_LEAD_ALERT, alertUpdate,
        LeadOwnerActivities.ASSIGN_SALESFORCE_OWNER, claimOwner);
  }
}
