package com.leadprocessor.workflow;

import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.slack.SlackAlertQueues;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Puts each lead alert on its channel's task queue (change id {@value #CHANGE_ID}). Before this
 * change every alert waited on the one Slack queue, whose rate limit paced all channels together;
 * now a local activity asks the worker's configuration for the channel's queue (the channel's own,
 * or the shared Slack queue for a channel without one), and the alert is scheduled there.
 *
 * <p>The choice is asked again at each run of the Slack step, because a reviewer may correct the
 * channel; the local activity's marker records each answer, so a replay asks nothing.
 *
 * <p>Leads whose history reached the Slack step before this change keep scheduling it as they did
 * then, without a task queue of their own: the alert runs on the lead's task queue, where the
 * worker registers the Slack step for them (docs/slack.md, "Pacing").
 */
final class AlertQueuePerChannel {

  /** The change id of this behaviour; histories in {@code histories/alert-queue-per-channel/}. */
  static final String CHANGE_ID = "alert-queue-per-channel";

  private static final int PER_CHANNEL = 1;

  private static final LocalActivityOptions CHOOSE =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setSummary("Choose the channel's Slack queue")
          .build();

  /**
   * The task queue of the alert to {@code route}'s channel, or null on the path of leads that
   * reached the Slack step before this change.
   */
  String alertQueue(Route route) {
    int version = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, PER_CHANNEL);
    if (version == Workflow.DEFAULT_VERSION) {
      return null;
    }
    return Workflow.newLocalActivityStub(SlackAlertQueues.class, CHOOSE)
        .alertQueueFor(route == null ? null : route.slackChannel());
  }
}
