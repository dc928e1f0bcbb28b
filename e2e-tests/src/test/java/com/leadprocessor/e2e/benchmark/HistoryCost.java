package com.leadprocessor.e2e.benchmark;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What Temporal persisted for a sample of completed leads, read from the server: per lead, the
 * workflow tasks, activity tasks, markers (local activities and version markers), history events,
 * bytes of history and state transitions ({@code DescribeWorkflowExecution}'s counters, which the
 * server keeps for every execution).
 */
final class HistoryCost implements AutoCloseable {

  static final String[] FIGURES = {
    "workflowTasks", "activityTasks", "markers", "historyEvents", "historyBytes", "stateTransitions"
  };

  private final WorkflowServiceStubs service;

  HistoryCost(String address) {
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
  }

  /** Averages over {@code workflowIds} (each one's latest run), figure name to value per lead. */
  Map<String, Double> perLead(Collection<String> workflowIds) {
    Map<String, Double> sums = new LinkedHashMap<>();
    for (String figure : FIGURES) {
      sums.put(figure, 0.0);
    }
    int counted = 0;
    for (String workflowId : workflowIds) {
      WorkflowExecution execution =
          WorkflowExecution.newBuilder().setWorkflowId(workflowId).build();
      WorkflowExecutionInfo info =
          service
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace("default")
                      .setExecution(execution)
                      .build())
              .getWorkflowExecutionInfo();
      int workflowTasks = 0;
      int activityTasks = 0;
      int markers = 0;
      com.google.protobuf.ByteString page = com.google.protobuf.ByteString.EMPTY;
      do {
        GetWorkflowExecutionHistoryResponse history =
            service
                .blockingStub()
                .getWorkflowExecutionHistory(
                    GetWorkflowExecutionHistoryRequest.newBuilder()
                        .setNamespace("default")
                        .setExecution(execution)
                        .setNextPageToken(page)
                        .build());
        for (HistoryEvent event : history.getHistory().getEventsList()) {
          EventType type = event.getEventType();
          if (type == EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) {
            workflowTasks++;
          } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
            activityTasks++;
          } else if (type == EventType.EVENT_TYPE_MARKER_RECORDED) {
            markers++;
          }
        }
        page = history.getNextPageToken();
      } while (!page.isEmpty());
      sums.merge("workflowTasks", (double) workflowTasks, Double::sum);
      sums.merge("activityTasks", (double) activityTasks, Double::sum);
      sums.merge("markers", (double) markers, Double::sum);
      sums.merge("historyEvents", (double) info.getHistoryLength(), Double::sum);
      sums.merge("historyBytes", (double) info.getHistorySizeBytes(), Double::sum);
      sums.merge("stateTransitions", (double) info.getStateTransitionCount(), Double::sum);
      counted++;
    }
    int leads = counted;
    sums.replaceAll((figure, sum) -> leads == 0 ? 0 : sum / leads);
    return sums;
  }

  @Override
  public void close() {
    service.shutdown();
    service.awaitTermination(5, TimeUnit.SECONDS);
  }
}
