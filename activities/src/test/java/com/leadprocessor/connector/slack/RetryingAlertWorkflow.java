package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.slack.SlackMessage;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * A test workflow that posts one lead alert with a short start-to-close timeout and quick retries,
 * so retries after rate limits and timeouts run in seconds.
 */
@WorkflowInterface
public interface RetryingAlertWorkflow {

  Duration START_TO_CLOSE = Duration.ofSeconds(2);

  @WorkflowMethod
  SlackMessage alert(LeadAlert alert);

  /** The implementation: backoff of 200ms, so any longer wait comes from Slack's Retry-After. */
  class Impl implements RetryingAlertWorkflow {
    private final SlackAlertActivities slack =
        Workflow.newActivityStub(
            SlackAlertActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(START_TO_CLOSE)
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(200))
                        .setBackoffCoefficient(1.0)
                        .setMaximumAttempts(5)
                        .build())
                .build());

    @Override
    public SlackMessage alert(LeadAlert alert) {
      return slack.postLeadAlert(alert);
    }
  }
}
