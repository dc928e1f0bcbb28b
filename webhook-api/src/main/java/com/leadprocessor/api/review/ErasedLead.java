package com.leadprocessor.api.review;

/** One workflow execution an erasure request deleted, with the status it had. */
public record ErasedLead(String workflowId, String runId, String executionStatus) {}
