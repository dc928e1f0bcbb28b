package com.leadprocessor.worker;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.spring.boot.WorkflowImplementationOptionsCustomizer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Gives the workflow its per-step activity options from configuration. Options are worker-side
 * settings, not workflow code, so changing them never breaks the replay of leads in flight.
 */
@Component
class StepOptionsCustomizer implements WorkflowImplementationOptionsCustomizer {

  private final Map<String, ActivityOptions> activityOptions;

  StepOptionsCustomizer(LeadStepsProperties steps) {
    this.activityOptions =
        steps.byActivityType().entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, entry -> entry.getValue().toActivityOptions()));
  }

  @Override
  public WorkflowImplementationOptions.Builder customize(
      WorkflowImplementationOptions.Builder options,
      Worker worker,
      Class<?> workflowImplementation,
      POJOWorkflowMethodMetadata workflowMethod) {
    return options.setActivityOptions(activityOptions);
  }
}
