package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.slack.SlackAlertQueues;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

/**
 * Answers the workflow which task queue an alert waits on. A local activity, so it runs in the
 * worker that runs the lead's workflow, on the lead's task queue.
 */
@Component
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class ChannelAlertQueues implements SlackAlertQueues {

  private final PacedChannels channels;
  private final SlackProperties slack;

  public ChannelAlertQueues(PacedChannels channels, SlackProperties slack) {
    this.channels = channels;
    this.slack = slack;
  }

  @Override
  public String alertQueueFor(String channel) {
    return channels.queueFor(
        channel == null || channel.isBlank() ? slack.defaultChannel() : channel);
  }
}
