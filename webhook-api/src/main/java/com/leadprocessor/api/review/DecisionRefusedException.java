package com.leadprocessor.api.review;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import com.leadprocessor.workflow.ReviewRefusal;

/** The lead's validator refused a review decision; nothing was recorded. */
public class DecisionRefusedException extends ProblemException {

  public DecisionRefusedException(String workflowId, ReviewRefusal refusal, String message) {
    super(ProblemType.DECISION_REFUSED, message);
    withProperty("workflowId", workflowId);
    withProperty("refusal", refusal.name());
  }
}
