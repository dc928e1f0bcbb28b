package com.leadprocessor.api.review;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;

/** No {@code LeadWorkflow} has the requested id. */
class LeadNotFoundException extends ProblemException {

  LeadNotFoundException(String workflowId) {
    super(ProblemType.NOT_FOUND, "There is no lead with workflow id '" + workflowId + "'.");
    withProperty("workflowId", workflowId);
  }
}
