package com.leadprocessor.workflow.review;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells people that a lead waits for them, and how long a lead may wait before a reminder. */
@ActivityInterface
public interface LeadReviewActivities {

  /** The activity type of {@link #reviewPolicy}. */
  String REVIEW_POLICY = "ReviewPolicy";

  /** The activity type of {@link #alertReviewNeeded}. */
  String ALERT_REVIEW_NEEDED = "AlertReviewNeeded";

  /** The activity type of {@link #remindReviewPending}. */
  String REMIND_REVIEW_PENDING = "RemindReviewPending";

  /** The review policy in force; called as a local activity so the answer is in the history. */
  @ActivityMethod(name = REVIEW_POLICY)
  ReviewPolicy reviewPolicy();

  /** Alerts the team once that a lead entered review, never through the channel that failed. */
  @ActivityMethod(name = ALERT_REVIEW_NEEDED)
  void alertReviewNeeded(ReviewAlert alert);

  /** Reminds the team that a lead has waited in review for longer than the policy allows. */
  @ActivityMethod(name = REMIND_REVIEW_PENDING)
  void remindReviewPending(ReviewAlert alert);
}
