package com.leadprocessor.connector.review;

import com.leadprocessor.workflow.review.ReviewAlert;

/**
 * One way of telling people that a lead waits in review. Every bean of this type is told; a review
 * Slack channel will be a further one.
 */
public interface ReviewNotifier {

  /** A lead has just entered review. */
  void reviewNeeded(ReviewAlert alert);

  /** A lead has waited in review for longer than the review policy allows. */
  void reviewPending(ReviewAlert alert);
}
