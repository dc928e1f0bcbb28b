package com.leadprocessor.connector.salesforce;

import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A test-only workflow that upserts one Lead with a retry budget and reports how it ended. */
@WorkflowInterface
public interface SalesforceProbeWorkflow {

  /**
   * @param lead the Lead when the activity succeeded
   * @param failureType the {@code ApplicationFailure} type when it failed for good
   * @param retryState why Temporal stopped retrying, when it failed
   */
  record Outcome(CrmLead lead, String failureType, String failureMessage, String retryState) {}

  @WorkflowMethod
  Outcome upsert(CrmLeadRequest request, int maximumAttempts);
}
