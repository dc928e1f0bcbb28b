package com.leadprocessor.api.start;

/**
 * What {@link LeadStarter#start} did.
 *
 * @param workflowId the lead's workflow id
 * @param duplicate whether a workflow with this id already existed, so nothing was started
 */
public record LeadStart(String workflowId, boolean duplicate) {

  public static LeadStart started(String workflowId) {
    return new LeadStart(workflowId, false);
  }

  public static LeadStart duplicate(String workflowId) {
    return new LeadStart(workflowId, true);
  }
}
