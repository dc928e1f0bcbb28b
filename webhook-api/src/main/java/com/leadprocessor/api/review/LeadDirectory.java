package com.leadprocessor.api.review;

import java.util.Optional;

/**
 * The review API's view of Temporal: visibility for lists and counts, describe and the workflow's
 * {@code state} query for one lead, signals and batch operations for decisions. Nothing is stored
 * here; every answer comes from Temporal.
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
   * Sends a review signal to the lead's current run.
   *
   * @throws LeadNotInReviewException if the workflow closed in the meantime
   */
  void signal(String workflowId, ReviewSignal signal);

  /** The number of workflows matching a {@link LeadQueries} query. */
  long count(String query);

  /** Starts a batch operation that signals {@code retry} to every lead the query matches. */
  void startBulkRetry(BulkRetry retry);

  /** The progress of a batch operation, or empty when there is no job with this id. */
  Optional<BulkRetryProgress> bulkRetryProgress(String jobId);
}
