package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.RetryRequest;
import com.leadprocessor.workflow.ReviewNote;

/**
 * One of {@link LeadWorkflow}'s review Updates with its input.
 *
 * @param name the Update name as the workflow declares it: {@link LeadWorkflow#UPDATE_RETRY},
 *     {@link LeadWorkflow#UPDATE_SKIP} or {@link LeadWorkflow#UPDATE_DISCARD}
 * @param decision {@code retry}, {@code skip} or {@code discard}, as the API's paths name it
 * @param payload a {@link RetryRequest} for {@code retry}, a {@link ReviewNote} otherwise
 */
public record ReviewUpdate(String name, String decision, Object payload) {

  public static ReviewUpdate retry(RetryRequest request) {
    return new ReviewUpdate(LeadWorkflow.UPDATE_RETRY, "retry", request);
  }

  public static ReviewUpdate skip(ReviewNote note) {
    return new ReviewUpdate(LeadWorkflow.UPDATE_SKIP, "skip", note);
  }

  public static ReviewUpdate discard(ReviewNote note) {
    return new ReviewUpdate(LeadWorkflow.UPDATE_DISCARD, "discard", note);
  }
}
