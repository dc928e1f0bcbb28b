package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.RetryRequest;
import com.leadprocessor.workflow.ReviewNote;

/**
 * One of {@link LeadWorkflow}'s review signals with its payload.
 *
 * @param name the signal name as the workflow declares it: {@link LeadWorkflow#SIGNAL_RETRY},
 *     {@link LeadWorkflow#SIGNAL_SKIP} or {@link LeadWorkflow#SIGNAL_DISCARD}
 * @param payload a {@link RetryRequest} for {@code retry}, a {@link ReviewNote} otherwise
 */
public record ReviewSignal(String name, Object payload) {

  public static ReviewSignal retry(RetryRequest request) {
    return new ReviewSignal(LeadWorkflow.SIGNAL_RETRY, request);
  }

  public static ReviewSignal skip(ReviewNote note) {
    return new ReviewSignal(LeadWorkflow.SIGNAL_SKIP, note);
  }

  public static ReviewSignal discard(ReviewNote note) {
    return new ReviewSignal(LeadWorkflow.SIGNAL_DISCARD, note);
  }
}
