package com.leadprocessor.worker;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.spring.boot.WorkflowImplementationOptionsCustomizer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Gives the workflow its per-step activity options from configuration, for the steps it runs as
 * ordinary activities and for those it runs as local activities (verification, routing, enrichment
 * and, since the change id {@code salesforce-local}, the Salesforce upsert; older leads ran the
 * Salesforce upsert as an ordinary activity, so every step gets both). Options are worker-side
 * settings, not workflow code, so changing them never breaks the replay of leads in flight.
 */
@Component
class StepOptionsCustomizer implements WorkflowImplementationOptionsCustomizer {

  private final Map<String, ActivityOptions> activityOptions;
  private final Map<String, LocalActivityOptions> localActivityOptions;

  StepOptionsCustomizer(LeadStepsProperties steps) {
    this.activityOptions =
        steps.byActivityType().entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, entry -> entry.getValue().toActivityOptions()));
    this.localActivityOptions =
        steps.byActivityType().entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, entry -> entry.getValue().toLocalActivityOptions()));
  }

  @Override
  public WorkflowImplementationOptions.Builder customize(
      WorkflowImplementationOptions.Builder options,
      Worker worker,
      Class<?> workflowImplementation,
      POJOWorkflowMethodMetadata workflowMethod) {
    return options
        .setActivityOptions(activityOptions)
        .setLocalActivityOptions(localActivityOptions);
  }
}
