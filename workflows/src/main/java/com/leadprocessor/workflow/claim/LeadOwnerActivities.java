package com.leadprocessor.workflow.claim;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Makes the salesperson who claimed a lead its owner in the CRM. */
@ActivityInterface
public interface LeadOwnerActivities {

  /** The activity type of {@link #assignClaimer}. */
  String ASSIGN_SALESFORCE_OWNER = "AssignSalesforceOwner";

  /**
   * Makes the claimer the Salesforce Lead's owner: the Slack user is mapped to a Salesforce user
   * (configured explicitly, or by the Slack profile's email). When no user maps, the configured
   * fallback applies and the answer's note says why; that is an answer, not a failure.
   */
  @ActivityMethod(name = ASSIGN_SALESFORCE_OWNER)
  OwnerAssignment assignClaimer(String crmLeadId, AlertAction claimer);
}
