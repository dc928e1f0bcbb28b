package com.leadprocessor.worker;

import com.leadprocessor.connector.slack.SlackPacingProperties;
import com.leadprocessor.connector.slack.SlackProperties;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import org.springframework.stereotype.Component;

/**
 * Paces the shared Slack queue ({@code leads.slack.task-queue}, declared in {@code
 * application.yml}) as {@link SlackChannelWorkers} paces each channel's queue: at {@link
 * SlackProperties#pacedMessagesPerSecond()}, enforced by the server across every worker process and
 * by each process where the server does not enforce it (the in-memory test server). Set here rather
 * than in {@code application.yml}, which cannot compute the pace from Slack's limit.
 */
@Component
class SharedSlackQueuePace implements WorkerOptionsCustomizer {

  private final String slackQueue;
  private final double alertsPerSecond;

  SharedSlackQueuePace(SlackPacingProperties pacing, SlackProperties slack) {
    this.slackQueue = pacing.taskQueue();
    this.alertsPerSecond = slack.pacedMessagesPerSecond();
  }

  @Override
  public WorkerOptions.Builder customize(
      WorkerOptions.Builder options, String workerName, String taskQueue) {
    if (!slackQueue.equals(taskQueue)) {
      return options;
    }
    return options
        .setMaxTaskQueueActivitiesPerSecond(alertsPerSecond)
        .setMaxWorkerActivitiesPerSecond(alertsPerSecond);
  }
}
