package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadSearchAttributes;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.LeadWorkflow;

/**
 * The visibility queries of the review API. They are built only from enum constants and the
 * workflow's declared type name, never from client text, so a caller cannot widen a query.
 */
public final class LeadQueries {

  private LeadQueries() {}

  /**
   * Leads with a status and, optionally, a failed step: {@code WorkflowType="LeadWorkflow" AND
   * LeadStatus="NEEDS_REVIEW" AND LeadFailedStep="SALESFORCE"}.
   */
  public static String byStatus(LeadStatus status, LeadStep failedStep) {
    String query =
        leadWorkflows() + " AND " + equal(LeadSearchAttributes.LEAD_STATUS.getName(), status);
    return failedStep == null
        ? query
        : query + " AND " + equal(LeadSearchAttributes.LEAD_FAILED_STEP.getName(), failedStep);
  }

  /**
   * Running leads in review that failed at {@code step}: what a bulk retry signals. Closed runs are
   * left out because they cannot take a signal (a lead terminated while in review keeps its search
   * attributes).
   */
  public static String inReviewAt(LeadStep step) {
    return inReview() + " AND " + equal(LeadSearchAttributes.LEAD_FAILED_STEP.getName(), step);
  }

  /** Running leads in review: the review backlog. */
  public static String inReview() {
    return leadWorkflows()
        + " AND ExecutionStatus=\"Running\" AND "
        + equal(LeadSearchAttributes.LEAD_STATUS.getName(), LeadStatus.NEEDS_REVIEW);
  }

  private static String leadWorkflows() {
    return "WorkflowType=\"" + LeadWorkflow.WORKFLOW_TYPE + "\"";
  }

  private static String equal(String attribute, Enum<?> value) {
    return attribute + "=\"" + value.name() + "\"";
  }
}
