package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.RetryRequest;
import com.leadprocessor.workflow.ReviewNote;

/**
 * One of {@link LeadWorkflow}'s review signals with its payload.
 *
 * @param name the signal name as the workflow declares it: {@code retry}, {@code skip} or {@code
 *     discard}
 * @param payload a {@link RetryRequest} for {@code retry}, a {@link ReviewNote} otherwise
 */
public record ReviewSignal(String name, Object payload) {

  public static final String RETRY = "retry";
  public static final String SKIP = "skip";
  public static final String DISCARD = "discard";

  public static ReviewSignal retry(RetryRequest request) {
    return new ReviewSignal(RETRY, request);
  }

  public static ReviewSignal skip(ReviewNote note) {
    return new ReviewSignal(SKIP, note);
  }

  public static ReviewSignal discard(ReviewNote note) {
    return new ReviewSignal(DISCARD, note);
  }
}
