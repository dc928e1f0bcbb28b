package com.leadprocessor.workflow.slack;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Chooses the task queue a lead alert waits on. Each channel the worker's configuration names has a
 * queue of its own, rate limited by the Temporal server at Slack's per-channel pace, so that one
 * busy channel never delays another; any other channel (a reviewer's correction) shares the Slack
 * queue. Runs as a local activity: the answer depends on the worker's configuration, and the
 * workflow records it in its history so that a replay asks nothing.
 */
@ActivityInterface
public interface SlackAlertQueues {

  /** The activity type of {@link #alertQueueFor}. */
  String CHOOSE_SLACK_ALERT_QUEUE = "ChooseSlackAlertQueue";

  /**
   * The task queue for an alert to {@code channel} (null: the default channel): the channel's own,
   * or the shared Slack queue.
   */
  @ActivityMethod(name = CHOOSE_SLACK_ALERT_QUEUE)
  String alertQueueFor(String channel);
}
