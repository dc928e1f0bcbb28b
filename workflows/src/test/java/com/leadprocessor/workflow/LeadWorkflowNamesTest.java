package com.leadprocessor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.common.metadata.WorkflowMethodType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The name constants of {@link LeadWorkflow} are the names the SDK registers and sends, so the API,
 * the tests and the docs can use the constants instead of restating the names.
 */
class LeadWorkflowNamesTest {

  private final POJOWorkflowInterfaceMetadata metadata =
      POJOWorkflowInterfaceMetadata.newInstance(LeadWorkflow.class);

  @Test
  void workflowTypeIsTheOneTheSdkRegisters() {
    assertThat(metadata.getWorkflowMethod().map(POJOWorkflowMethodMetadata::getName))
        .hasValue(LeadWorkflow.WORKFLOW_TYPE);
  }

  @Test
  void signalAndQueryNamesAreTheOnesTheSdkRegisters() {
    assertThat(namesOf(WorkflowMethodType.SIGNAL))
        .containsExactlyInAnyOrder(
            LeadWorkflow.SIGNAL_RETRY, LeadWorkflow.SIGNAL_SKIP, LeadWorkflow.SIGNAL_DISCARD);
    assertThat(namesOf(WorkflowMethodType.QUERY)).containsExactly(LeadWorkflow.QUERY_STATE);
  }

  @Test
  void reviewUpdateNamesAreTheOnesTheSdkRegistersAndDifferFromTheSignals() {
    assertThat(namesOf(WorkflowMethodType.UPDATE))
        .contains(LeadWorkflow.UPDATE_RETRY, LeadWorkflow.UPDATE_SKIP, LeadWorkflow.UPDATE_DISCARD)
        .doesNotContainAnyElementsOf(namesOf(WorkflowMethodType.SIGNAL));
  }

  private List<String> namesOf(WorkflowMethodType type) {
    return metadata.getMethodsMetadata().stream()
        .filter(method -> method.getType() == type)
        .map(POJOWorkflowMethodMetadata::getName)
        .toList();
  }
}
