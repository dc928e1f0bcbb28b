package com.leadprocessor.api.review;

/**
 * One workflow execution an erasure request deleted, with the status it had and how it was found:
 * {@value #BY_EMAIL_HASH} or, for a lead started before that attribute existed, {@value
 * #BY_START_INPUT}.
 */
public record ErasedLead(String workflowId, String runId, String executionStatus, String foundBy) {

  public static final String BY_EMAIL_HASH = "LeadEmailHash";
  public static final String BY_START_INPUT = "start input";
}
