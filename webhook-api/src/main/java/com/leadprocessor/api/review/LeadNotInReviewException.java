package com.leadprocessor.api.review;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import com.leadprocessor.workflow.LeadStatus;

/** A review decision was sent for a lead that is not waiting for one. */
public class LeadNotInReviewException extends ProblemException {

  public LeadNotInReviewException(String workflowId, LeadStatus status) {
    this(
        workflowId,
        status,
        "Lead "
            + workflowId
            + " is "
            + (status == null ? "in an unknown state" : status.name())
            + ", not NEEDS_REVIEW; nothing was decided.");
  }

  /** With the lead's own words, as its validator refused the decision. */
  public LeadNotInReviewException(String workflowId, LeadStatus status, String detail) {
    super(ProblemType.LEAD_NOT_IN_REVIEW, detail);
    withProperty("workflowId", workflowId);
    withProperty("leadStatus", status == null ? null : status.name());
  }
}
