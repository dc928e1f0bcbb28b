package com.leadprocessor.worker;

import com.leadprocessor.connector.slack.PacedChannels;
import com.leadprocessor.connector.slack.SlackProperties;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls each paced channel's own Slack task queue ({@link PacedChannels}), with the rate limit that
 * paces the channel: {@code max-task-queue-activities-per-second} is enforced by the Temporal
 * server across every worker process, so a burst waits persisted in the server and survives worker
 * restarts; {@code max-worker-activities-per-second} holds each process to the same pace where the
 * server does not enforce it (the in-memory test server). The server divides a queue's limit among
 * the queue's partitions, so each channel queue needs one partition in the server's dynamic
 * configuration ({@code matching.numTaskqueueReadPartitions} and {@code ...WritePartitions}): with
 * the default four, one poller drew 0.4 alerts a second from a queue limited to one (docs/slack.md,
 * "Pacing"). The channels come from configuration (routing rules), so these workers are made here
 * rather than listed in {@code application.yml}; the factory starts them with the others once the
 * application is ready.
 */
@Component
class SlackChannelWorkers {

  private static final Logger log = LoggerFactory.getLogger(SlackChannelWorkers.class);

  /** One long poll per channel queue is plenty for about one alert a second. */
  private static final int POLLERS = 1;

  private final List<String> taskQueues;

  SlackChannelWorkers(
      WorkerFactory factory,
      PacedChannels channels,
      SlackProperties slack,
      SlackAlertActivities alerts) {
    double alertsPerSecond = slack.pacedMessagesPerSecond();
    WorkerOptions options =
        WorkerOptions.newBuilder()
            .setMaxTaskQueueActivitiesPerSecond(alertsPerSecond)
            .setMaxWorkerActivitiesPerSecond(alertsPerSecond)
            .setMaxConcurrentActivityTaskPollers(POLLERS)
            .build();
    this.taskQueues = List.copyOf(channels.channelQueues());
    for (String taskQueue : taskQueues) {
      factory.newWorker(taskQueue, options).registerActivitiesImplementations(alerts);
    }
    log.info(
        "Slack alerts paced at {}/s per channel on {} channel queue(s): {}; the Temporal server"
            + " must give each one partition (docs/slack.md, \"Pacing\")",
        alertsPerSecond,
        taskQueues.size(),
        taskQueues);
  }

  /** The channel queues this process polls. */
  List<String> taskQueues() {
    return taskQueues;
  }
}
