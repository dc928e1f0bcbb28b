package com.leadprocessor.workflow.slack;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Keeps a posted lead alert current: who has the lead, and escalation when nobody does. */
@ActivityInterface
public interface LeadAlertUpdates {

  /** The activity type of {@link #updateLeadAlert}. */
  String UPDATE_SLACK_LEAD_ALERT = "UpdateSlackLeadAlert";

  /** The activity type of {@link #escalate}. */
  String ESCALATE_SLACK_LEAD_ALERT = "EscalateSlackLeadAlert";

  /**
   * Rewrites the posted alert in place ({@code chat.update} with the channel and ts the post
   * returned, no history read) to show the lead's owner, time to claim and state; the buttons the
   * state no longer allows are gone.
   */
  @ActivityMethod(name = UPDATE_SLACK_LEAD_ALERT)
  void updateLeadAlert(AlertUpdate update);

  /**
   * Escalates an unclaimed lead once: to the escalation channel, or as a mention of the on-call
   * group in the alert's thread, linking the alert.
   */
  @ActivityMethod(name = ESCALATE_SLACK_LEAD_ALERT)
  SlackMessage escalate(AlertEscalation escalation);
}
