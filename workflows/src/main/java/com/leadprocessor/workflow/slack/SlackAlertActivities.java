package com.leadprocessor.workflow.slack;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells sales about a lead. */
@ActivityInterface
public interface SlackAlertActivities {

  /** The activity type of {@link #postLeadAlert}. */
  String POST_SLACK_LEAD_ALERT = "PostSlackLeadAlert";

  /**
   * Posts the lead alert to the routed channel. Permanent refusals throw a non-retryable {@code
   * ApplicationFailure} typed with a {@link com.leadprocessor.workflow.lead.LeadFailureType}.
   */
  @ActivityMethod(name = POST_SLACK_LEAD_ALERT)
  SlackMessage postLeadAlert(LeadAlert alert);
}
