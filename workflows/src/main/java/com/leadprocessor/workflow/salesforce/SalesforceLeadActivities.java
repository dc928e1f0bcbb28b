package com.leadprocessor.workflow.salesforce;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Records a lead in the CRM. */
@ActivityInterface
public interface SalesforceLeadActivities {

  /**
   * Creates or updates the Salesforce Lead keyed by the conversation id, so a retry after a timeout
   * never makes a second Lead. Permanent refusals throw a non-retryable {@code ApplicationFailure}
   * typed with a {@link com.leadprocessor.workflow.lead.LeadFailureType}.
   */
  @ActivityMethod(name = "UpsertSalesforceLead")
  CrmLead upsertLead(CrmLeadRequest request);
}
