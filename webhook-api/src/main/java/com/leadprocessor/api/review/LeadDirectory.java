package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadState;
import java.util.Optional;

/**
 * The review API's view of Temporal: visibility for lists and counts, describe and the workflow's
 * {@code state} query for one lead, Updates for a reviewer's decisions and a batch signal for a
 * bulk retry. Nothing is stored here; every answer comes from Temporal.
 *
 * @throws ReviewUnavailableException from every method when Temporal cannot answer
 */
public interface LeadDirectory {

  /**
   * One page of {@code ListWorkflowExecutions}.
   *
   * @param query a visibility query built by {@link LeadQueries}, never client text
   * @param pageToken the token of the previous page, empty for the first
   */
  LeadPage list(String query, int pageSize, byte[] pageToken);

  /** The lead's execution and state, or empty when no {@code LeadWorkflow} has this id. */
  Optional<LeadView> find(String workflowId);

  /**
   * Sends a review Update to the lead's current run and waits for its answer: the lead's state
   * after the decision.
   *
   * @throws LeadNotFoundException if no lead has this id
   * @throws LeadNotInReviewException if the lead is closed or its validator says it is not in
   *     review
   * @throws DecisionRefusedException if its validator refused the decision for another reason
   */
  LeadState decide(String workflowId, ReviewUpdate update);

  /** The number of workflows matching a {@link LeadQueries} query. */
  long count(String query);

  /** Starts a batch operation that signals {@code retry} to every lead the query matches. */
  void startBulkRetry(BulkRetry retry);

  /** The progress of a batch operation, or empty when there is no job with this id. */
  Optional<BulkRetryProgress> bulkRetryProgress(String jobId);
}
