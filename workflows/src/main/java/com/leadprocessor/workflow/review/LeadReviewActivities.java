package com.leadprocessor.workflow.review;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells people that a lead waits for them, and how long a lead may wait before a reminder. */
@ActivityInterface
public interface LeadReviewActivities {

  /** The review policy in force; called as a local activity so the answer is in the history. */
  @ActivityMethod(name = "ReviewPolicy")
  ReviewPolicy reviewPolicy();

  /** Alerts the team once that a lead entered review, never through the channel that failed. */
  @ActivityMethod(name = "AlertReviewNeeded")
  void alertReviewNeeded(ReviewAlert alert);

  /** Reminds the team that a lead has waited in review for longer than the policy allows. */
  @ActivityMethod(name = "RemindReviewPending")
  void remindReviewPending(ReviewAlert alert);
}
