package com.leadprocessor.connector.salesforce;

import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class SalesforceProbeWorkflowImpl implements SalesforceProbeWorkflow {

  @Override
  public Outcome upsert(CrmLeadRequest request, int maximumAttempts) {
    SalesforceLeadActivities salesforce =
        Workflow.newActivityStub(
            SalesforceLeadActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(2))
                        .setBackoffCoefficient(2)
                        .setMaximumAttempts(maximumAttempts)
                        .build())
                .build());
    try {
      return new Outcome(salesforce.upsertLead(request), null, null, null);
    } catch (ActivityFailure failure) {
      String retryState = failure.getRetryState().name();
      if (failure.getCause() instanceof ApplicationFailure application) {
        return new Outcome(
            null, application.getType(), application.getOriginalMessage(), retryState);
      }
      return new Outcome(null, null, failure.getMessage(), retryState);
    }
  }
}
