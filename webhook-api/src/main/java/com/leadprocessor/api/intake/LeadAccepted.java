package com.leadprocessor.api.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an accepted delivery.
 *
 * @param workflowId the lead's workflow id
 * @param duplicate {@code true} when an earlier delivery already started it; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LeadAccepted(String workflowId, Boolean duplicate) {

  static LeadAccepted started(String workflowId) {
    return new LeadAccepted(workflowId, null);
  }

  static LeadAccepted duplicateOf(String workflowId) {
    return new LeadAccepted(workflowId, true);
  }
}
