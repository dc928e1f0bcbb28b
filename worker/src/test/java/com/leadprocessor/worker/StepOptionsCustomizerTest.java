package com.leadprocessor.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepOptionsCustomizerTest {

  private static final StepOptions DEFAULT =
      new StepOptions(Duration.ofSeconds(10), Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 0);

  private static final StepOptions SALESFORCE =
      new StepOptions(Duration.ofSeconds(30), Duration.ofSeconds(2), 2, Duration.ofMinutes(1), 8);

  @Test
  void salesforceRunAsALocalActivityTakesTheConfiguredTimeoutAndRetryPolicy() {
    LeadStepsProperties steps =
        new LeadStepsProperties(DEFAULT, DEFAULT, DEFAULT, SALESFORCE, DEFAULT, DEFAULT, DEFAULT);

    WorkflowImplementationOptions options =
        new StepOptionsCustomizer(steps)
            .customize(WorkflowImplementationOptions.newBuilder(), null, null, null)
            .build();

    LocalActivityOptions local =
        options.getLocalActivityOptions().get(SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD);
    assertThat(local.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(local.getRetryOptions().getInitialInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(local.getRetryOptions().getMaximumInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(local.getRetryOptions().getMaximumAttempts()).isEqualTo(8);
    assertThat(options.getActivityOptions())
        .containsKey(SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD);
  }
}
