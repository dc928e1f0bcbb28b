package com.leadprocessor.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.slack.SlackPacingProperties;
import com.leadprocessor.connector.slack.SlackProperties;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

class SharedSlackQueuePaceTest {

  private final SharedSlackQueuePace pace =
      new SharedSlackQueuePace(SlackPacingProperties.defaults(), SlackProperties.defaults());

  @Test
  void sharedSlackQueueIsPacedAtTheShareOfSlacksLimitByServerAndWorker() {
    WorkerOptions options =
        pace.customize(WorkerOptions.newBuilder(), "lead-slack-worker", "leads-slack").build();

    assertThat(options.getMaxTaskQueueActivitiesPerSecond()).isEqualTo(0.95);
    assertThat(options.getMaxWorkerActivitiesPerSecond()).isEqualTo(0.95);
  }

  @Test
  void otherQueuesKeepTheirOptions() {
    WorkerOptions options =
        pace.customize(WorkerOptions.newBuilder(), "lead-worker", "leads").build();

    assertThat(options.getMaxTaskQueueActivitiesPerSecond()).isZero();
    assertThat(options.getMaxWorkerActivitiesPerSecond()).isZero();
  }
}
