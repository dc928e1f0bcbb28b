package com.leadprocessor.api.review;

import com.google.protobuf.ByteString;
import com.leadprocessor.workflow.LeadSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DeleteWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link LeadErasure} with visibility's list and {@code DeleteWorkflowExecution}. */
final class TemporalLeadErasure implements LeadErasure {

  private static final int PAGE_SIZE = 100;

  private final WorkflowClient client;
  private final String namespace;
  private final Duration callTimeout;
  private final Duration retryAfter;

  TemporalLeadErasure(WorkflowClient client, Duration callTimeout, Duration retryAfter) {
    this.client = client;
    this.namespace = client.getOptions().getNamespace();
    this.callTimeout = callTimeout;
    this.retryAfter = retryAfter;
  }

  @Override
  public List<ErasedLead> erase(String emailHash) {
    List<WorkflowExecutionInfo> found = find(emailHash);
    List<ErasedLead> erased = new ArrayList<>();
    for (WorkflowExecutionInfo info : found) {
      try {
        stub()
            .deleteWorkflowExecution(
                DeleteWorkflowExecutionRequest.newBuilder()
                    .setNamespace(namespace)
                    .setWorkflowExecution(info.getExecution())
                    .build());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
          continue;
        }
        throw new ReviewUnavailableException("delete the leads", retryAfter, e);
      }
      erased.add(
          new ErasedLead(
              info.getExecution().getWorkflowId(),
              info.getExecution().getRunId(),
              TemporalLeadDirectory.executionStatus(info.getStatus())));
    }
    return erased;
  }

  /** Every page first, so that deleting does not shift the pages still to be read. */
  private List<WorkflowExecutionInfo> find(String emailHash) {
    String query = LeadSearchAttributes.LEAD_EMAIL_HASH.getName() + "=\"" + emailHash + "\"";
    List<WorkflowExecutionInfo> found = new ArrayList<>();
    ByteString pageToken = ByteString.EMPTY;
    do {
      ListWorkflowExecutionsResponse page;
      try {
        page =
            stub()
                .listWorkflowExecutions(
                    ListWorkflowExecutionsRequest.newBuilder()
                        .setNamespace(namespace)
                        .setQuery(query)
                        .setPageSize(PAGE_SIZE)
                        .setNextPageToken(pageToken)
                        .build());
      } catch (StatusRuntimeException e) {
        throw new ReviewUnavailableException("list the leads to delete", retryAfter, e);
      }
      found.addAll(page.getExecutionsList());
      pageToken = page.getNextPageToken();
    } while (!pageToken.isEmpty());
    return found;
  }

  private WorkflowServiceGrpc.WorkflowServiceBlockingStub stub() {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
