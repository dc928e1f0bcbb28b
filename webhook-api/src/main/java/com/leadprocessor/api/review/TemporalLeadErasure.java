package com.leadprocessor.api.review;

import com.google.protobuf.ByteString;
import com.leadprocessor.api.erasure.EmailHash;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.LeadSearchAttributes;
import com.leadprocessor.workflow.LeadWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DeleteWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.payload.codec.PayloadCodecException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LeadErasure} with visibility's list and {@code DeleteWorkflowExecution}. Leads started
 * before {@code LeadEmailHash} existed are found by reading the start input of every lead workflow
 * without the attribute through the client's data converter (so the codec opens sealed ones) and
 * hashing its email; at most {@code legacyScanLimit} of them per request, {@value #PAGE_SIZE} a
 * page. Their number only shrinks: no lead is started without the attribute any more, and the old
 * ones leave with the namespace's retention.
 */
final class TemporalLeadErasure implements LeadErasure {

  static final String WITHOUT_EMAIL_HASH =
      "WorkflowType=\""
          + LeadWorkflow.WORKFLOW_TYPE
          + "\" AND "
          + LeadSearchAttributes.LEAD_EMAIL_HASH.getName()
          + " IS NULL";

  private static final Logger log = LoggerFactory.getLogger(TemporalLeadErasure.class);
  private static final int PAGE_SIZE = 100;

  private final WorkflowClient client;
  private final String namespace;
  private final DataConverter dataConverter;
  private final EmailHash emailHash;
  private final int legacyScanLimit;
  private final Duration callTimeout;
  private final Duration retryAfter;

  TemporalLeadErasure(
      WorkflowClient client,
      EmailHash emailHash,
      int legacyScanLimit,
      Duration callTimeout,
      Duration retryAfter) {
    this.client = client;
    this.namespace = client.getOptions().getNamespace();
    this.dataConverter = client.getOptions().getDataConverter();
    this.emailHash = emailHash;
    this.legacyScanLimit = legacyScanLimit;
    this.callTimeout = callTimeout;
    this.retryAfter = retryAfter;
  }

  @Override
  public Result erase(String hash) {
    String byHash = LeadSearchAttributes.LEAD_EMAIL_HASH.getName() + "=\"" + hash + "\"";
    List<WorkflowExecutionInfo> found = list(byHash, Integer.MAX_VALUE).executions();
    Listed withoutHash = list(WITHOUT_EMAIL_HASH, legacyScanLimit);
    List<WorkflowExecutionInfo> foundByInput =
        withoutHash.executions().stream()
            .filter(info -> hash.equals(emailHash.of(startEmail(info.getExecution()))))
            .toList();
    List<ErasedLead> erased = new ArrayList<>();
    delete(found, ErasedLead.BY_EMAIL_HASH, erased);
    delete(foundByInput, ErasedLead.BY_START_INPUT, erased);
    return new Result(erased, withoutHash.executions().size(), withoutHash.complete());
  }

  private void delete(List<WorkflowExecutionInfo> executions, String foundBy, List<ErasedLead> to) {
    for (WorkflowExecutionInfo info : executions) {
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
      to.add(
          new ErasedLead(
              info.getExecution().getWorkflowId(),
              info.getExecution().getRunId(),
              TemporalLeadDirectory.executionStatus(info.getStatus()),
              foundBy));
    }
  }

  /** The email of the lead a workflow was started with, or null when it cannot be read. */
  private String startEmail(WorkflowExecution execution) {
    GetWorkflowExecutionHistoryResponse history;
    try {
      history =
          stub()
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(execution)
                      .setMaximumPageSize(1)
                      .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return null;
      }
      throw new ReviewUnavailableException("read the leads' start input", retryAfter, e);
    }
    if (history.getHistory().getEventsCount() == 0) {
      return null;
    }
    HistoryEvent started = history.getHistory().getEvents(0);
    if (!started.hasWorkflowExecutionStartedEventAttributes()) {
      return null;
    }
    Payloads input = started.getWorkflowExecutionStartedEventAttributes().getInput();
    try {
      LeadRequest request =
          dataConverter.fromPayloads(0, Optional.of(input), LeadRequest.class, LeadRequest.class);
      return request == null || request.event() == null ? null : request.event().capturedEmail();
    } catch (DataConverterException | PayloadCodecException e) {
      // For example sealed with a key that has since been removed: no one can read it any more.
      log.warn(
          "Erasure could not read the start input of {} ({}); it is left as it is",
          execution.getWorkflowId(),
          e.getClass().getSimpleName());
      return null;
    }
  }

  private record Listed(List<WorkflowExecutionInfo> executions, boolean complete) {}

  /**
   * Up to {@code limit} executions, every page first, so that deleting does not shift the pages
   * still to be read.
   */
  private Listed list(String query, int limit) {
    List<WorkflowExecutionInfo> found = new ArrayList<>();
    ByteString pageToken = ByteString.EMPTY;
    while (found.size() < limit) {
      ListWorkflowExecutionsResponse page;
      try {
        page =
            stub()
                .listWorkflowExecutions(
                    ListWorkflowExecutionsRequest.newBuilder()
                        .setNamespace(namespace)
                        .setQuery(query)
                        .setPageSize(Math.min(PAGE_SIZE, limit - found.size()))
                        .setNextPageToken(pageToken)
                        .build());
      } catch (StatusRuntimeException e) {
        throw new ReviewUnavailableException("list the leads to delete", retryAfter, e);
      }
      List<WorkflowExecutionInfo> executions = page.getExecutionsList();
      found.addAll(executions.subList(0, Math.min(executions.size(), limit - found.size())));
      pageToken = page.getNextPageToken();
      if (pageToken.isEmpty()) {
        return new Listed(found, true);
      }
    }
    return new Listed(found, false);
  }

  private WorkflowServiceGrpc.WorkflowServiceBlockingStub stub() {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
