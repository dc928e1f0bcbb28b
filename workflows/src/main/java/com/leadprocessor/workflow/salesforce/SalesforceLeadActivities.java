package com.leadprocessor.workflow.salesforce;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Records a lead in the CRM. */
@ActivityInterface
public interface SalesforceLeadActivities {

  /** The activity type of {@link #upsertLead}. */
  String UPSERT_SALESFORCE_LEAD = "UpsertSalesforceLead";

  /**
   * Creates or updates the Salesforce Lead keyed by the conversation id, so a retry after a timeout
   * never makes a second Lead. Permanent refusals throw a non-retryable {@code ApplicationFailure}
   * typed with a {@link com.leadprocessor.workflow.lead.LeadFailureType}.
   */
  @ActivityMethod(name = UPSERT_SALESFORCE_LEAD)
  CrmLead upsertLead(CrmLeadRequest request);
}
