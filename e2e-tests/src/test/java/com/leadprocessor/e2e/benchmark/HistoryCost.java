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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What Temporal persisted for a sample of completed leads, read from the server: per lead, the
 * workflow tasks, activity tasks, markers (local activities and version markers), history events,
 * bytes of history and state transitions ({@code DescribeWorkflowExecution}'s counters, which the
 * server keeps for every execution); and where a lead's time went, from its events' times ({@link
 * #SEGMENTS}).
 */
final class HistoryCost implements AutoCloseable {

  static final String[] FIGURES = {
    "workflowTasks", "activityTasks", "markers", "historyEvents", "historyBytes", "stateTransitions"
  };

  /**
   * Milliseconds between a lead's events, in its order: start to its first workflow task's start
   * (the task waits in its queue), that task (the local steps: verify, enrich, route, Salesforce),
   * the alert waiting in its channel's queue, and the alert's run (the Slack post).
   */
  static final List<Segment> SEGMENTS =
      List.of(
          new Segment(
              "msToFirstTask",
              EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
              EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
          new Segment(
              "msFirstTask",
              EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
              EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
          new Segment(
              "msAlertQueued",
              EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
              EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED),
          new Segment(
              "msAlertRun",
              EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
              EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED));

  /** The milliseconds from a lead's first event of type {@code from} to its first of {@code to}. */
  record Segment(String name, EventType from, EventType to) {
    double millis(Map<EventType, Long> firstAt) {
      Long start = firstAt.get(from);
      Long end = firstAt.get(to);
      return start == null || end == null ? 0 : end - start;
    }
  }

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
    for (Segment segment : SEGMENTS) {
      sums.put(segment.name(), 0.0);
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
      Map<EventType, Long> firstAt = new EnumMap<>(EventType.class);
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
          firstAt.putIfAbsent(
              type,
              event.getEventTime().getSeconds() * 1000
                  + event.getEventTime().getNanos() / 1_000_000);
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
      for (Segment segment : SEGMENTS) {
        sums.merge(segment.name(), segment.millis(firstAt), Double::sum);
      }
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
