package com.leadprocessor.api.review;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.leadprocessor.workflow.LeadSearchAttributes;
import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.RetryRequest;
import com.leadprocessor.workflow.ReviewRefusal;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.batch.v1.BatchOperationSignal;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeBatchOperationRequest;
import io.temporal.api.workflowservice.v1.DescribeBatchOperationResponse;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.StartBatchOperationRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link LeadDirectory} on the app's {@link WorkflowClient}. */
final class TemporalLeadDirectory implements LeadDirectory {

  /**
   * The SDK's built-in query behind the Temporal UI's "current details"; every Java, Go and
   * TypeScript worker answers it.
   */
  static final String METADATA_QUERY = "__temporal_workflow_metadata";

  private static final Logger log = LoggerFactory.getLogger(TemporalLeadDirectory.class);

  private final WorkflowClient client;
  private final String namespace;
  private final DataConverter converter;
  private final Duration callTimeout;
  private final Duration retryAfter;

  /** Runs the blocking Update calls, so that each waits at most the call timeout. */
  private final ExecutorService updateCalls =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "review-update");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param callTimeout the longest one raw RPC (list, describe, batch) may take
   * @param retryAfter the {@code Retry-After} of a 503 when Temporal cannot answer
   */
  TemporalLeadDirectory(WorkflowClient client, Duration callTimeout, Duration retryAfter) {
    this.client = client;
    this.namespace = client.getOptions().getNamespace();
    this.converter = client.getOptions().getDataConverter();
    this.callTimeout = callTimeout;
    this.retryAfter = retryAfter;
  }

  @Override
  public LeadPage list(String query, int pageSize, byte[] pageToken) {
    ListWorkflowExecutionsRequest request =
        ListWorkflowExecutionsRequest.newBuilder()
            .setNamespace(namespace)
            .setQuery(query)
            .setPageSize(pageSize)
            .setNextPageToken(ByteString.copyFrom(pageToken))
            .build();
    ListWorkflowExecutionsResponse response;
    try {
      response =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
              .listWorkflowExecutions(request);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT && pageToken.length > 0) {
        throw new InvalidParameterException(
            "nextPageToken", "is not a page token of this list; start again without it.");
      }
      throw unavailable("list leads", e);
    }
    return new LeadPage(
        items(response.getExecutionsList()), response.getNextPageToken().toByteArray());
  }

  /**
   * Visibility does not carry the static summary, so each listed lead is described, concurrently. A
   * lead whose describe fails is still listed, without its summary.
   */
  private List<LeadListItem> items(List<WorkflowExecutionInfo> executions) {
    List<Future<DescribeWorkflowExecutionResponse>> descriptions = new ArrayList<>();
    for (WorkflowExecutionInfo info : executions) {
      descriptions.add(
          client
              .getWorkflowServiceStubs()
              .futureStub()
              .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(info.getExecution())
                      .build()));
    }
    List<LeadListItem> items = new ArrayList<>();
    for (int i = 0; i < executions.size(); i++) {
      WorkflowExecutionMetadata metadata =
          new WorkflowExecutionMetadata(executions.get(i), converter);
      items.add(
          new LeadListItem(
              metadata.getExecution().getWorkflowId(),
              metadata.getExecution().getRunId(),
              executionStatus(metadata),
              attribute(metadata, LeadSearchAttributes.LEAD_STATUS),
              attribute(metadata, LeadSearchAttributes.LEAD_FAILED_STEP),
              attribute(metadata, LeadSearchAttributes.LEAD_ROUTE),
              metadata.getStartTime(),
              summary(descriptions.get(i))));
    }
    return items;
  }

  private String summary(Future<DescribeWorkflowExecutionResponse> description) {
    try {
      return new WorkflowExecutionDescription(
              description.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS), converter)
          .getStaticSummary();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      log.debug("Could not read a listed lead's summary", e);
      return null;
    }
  }

  @Override
  public Optional<LeadView> find(String workflowId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    WorkflowExecutionDescription description;
    try {
      description = stub.describe();
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (WorkflowException e) {
      throw unavailable("describe lead " + workflowId, e);
    }
    if (!LeadWorkflow.WORKFLOW_TYPE.equals(description.getWorkflowType())) {
      return Optional.empty();
    }
    LeadState state = null;
    String stateError = null;
    try {
      state = stub.query(LeadWorkflow.QUERY_STATE, LeadState.class);
    } catch (WorkflowException e) {
      // Queries need a worker: the lead itself is still described from the server's records.
      stateError = "The state query could not be answered (is a worker running?): " + reason(e);
      log.info("State query of lead {} failed: {}", workflowId, reason(e));
    }
    return Optional.of(
        new LeadView(
            workflowId,
            description.getExecution().getRunId(),
            executionStatus(description),
            description.getStartTime(),
            description.getCloseTime(),
            description.getStaticSummary(),
            attribute(description, LeadSearchAttributes.LEAD_STATUS),
            attribute(description, LeadSearchAttributes.LEAD_FAILED_STEP),
            attribute(description, LeadSearchAttributes.LEAD_ROUTE),
            state,
            stateError,
            state == null ? null : currentDetails(stub)));
  }

  private static String currentDetails(WorkflowStub stub) {
    try {
      String details = stub.query(METADATA_QUERY, WorkflowMetadata.class).getCurrentDetails();
      return details.isEmpty() ? null : details;
    } catch (WorkflowException e) {
      return null;
    }
  }

  /**
   * One Update call, bounded by the call timeout: an Update needs a worker, and with none running
   * the caller hears 503 instead of waiting. Only when the server knows no running lead by this id
   * does it describe, to tell an unknown lead (404) from a closed one (409).
   */
  @Override
  public LeadState decide(String workflowId, ReviewUpdate update) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    CompletableFuture<LeadState> answer =
        CompletableFuture.supplyAsync(
            () -> stub.update(update.name(), LeadState.class, update.payload()), updateCalls);
    try {
      return answer.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("send " + update.name() + " to lead " + workflowId, e);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw unavailable("answer " + update.name() + " of lead " + workflowId + " in time", e);
    } catch (ExecutionException e) {
      throw decisionFailed(workflowId, update, e.getCause());
    }
  }

  private RuntimeException decisionFailed(String workflowId, ReviewUpdate update, Throwable e) {
    if (e instanceof WorkflowUpdateException refusal) {
      return refused(workflowId, refusal);
    }
    if (e instanceof WorkflowNotFoundException) {
      LeadView lead = find(workflowId).orElseThrow(() -> new LeadNotFoundException(workflowId));
      return new LeadNotInReviewException(workflowId, lead.status());
    }
    return unavailable(
        "send " + update.name() + " to lead " + workflowId,
        e instanceof Exception exception ? exception : new RuntimeException(e));
  }

  private static RuntimeException refused(String workflowId, WorkflowUpdateException e) {
    if (e.getCause() instanceof ApplicationFailure failure) {
      Optional<ReviewRefusal> refusal = ReviewRefusal.ofFailureType(failure.getType());
      if (refusal.isPresent()) {
        String detail = failure.getOriginalMessage();
        return refusal.get() == ReviewRefusal.NOT_IN_REVIEW
            ? new LeadNotInReviewException(workflowId, null, detail)
            : new DecisionRefusedException(workflowId, refusal.get(), detail);
      }
    }
    // Not a refusal of LeadWorkflow's validators: a workflow of another type by this id, which has
    // no such Update, is not a lead.
    log.info("Lead {} did not take a review Update: {}", workflowId, reason(e));
    return new LeadNotFoundException(workflowId);
  }

  /** Not logged here: its only caller, the backlog gauge, logs the first failure of a streak. */
  @Override
  public long count(String query) {
    try {
      return client.countWorkflows(query).getCount();
    } catch (StatusRuntimeException | WorkflowServiceException e) {
      throw new ReviewUnavailableException("count leads", retryAfter, e);
    }
  }

  @Override
  public void startBulkRetry(BulkRetry retry) {
    StartBatchOperationRequest request = batchRequest(namespace, retry, converter);
    call(
        "start the bulk retry",
        () ->
            client
                .getWorkflowServiceStubs()
                .blockingStub()
                .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .startBatchOperation(request));
  }

  /**
   * The batch operation of a bulk retry: the {@code retry} signal with the reason and the caller as
   * its input. A batch operation can signal but not update; a lead that is not in review when its
   * signal arrives shows the signal as a notice in its details.
   */
  static StartBatchOperationRequest batchRequest(
      String namespace, BulkRetry retry, DataConverter converter) {
    BatchOperationSignal.Builder signal =
        BatchOperationSignal.newBuilder()
            .setSignal(LeadWorkflow.SIGNAL_RETRY)
            .setIdentity(retry.identity());
    converter
        .toPayloads(new RetryRequest(retry.reason(), null, retry.identity()))
        .ifPresent(signal::setInput);
    return StartBatchOperationRequest.newBuilder()
        .setNamespace(namespace)
        .setJobId(retry.jobId())
        .setVisibilityQuery(retry.query())
        .setReason(retry.reason())
        .setSignalOperation(signal)
        .build();
  }

  @Override
  public Optional<BulkRetryProgress> bulkRetryProgress(String jobId) {
    DescribeBatchOperationResponse response;
    try {
      response =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
              .describeBatchOperation(
                  DescribeBatchOperationRequest.newBuilder()
                      .setNamespace(namespace)
                      .setJobId(jobId)
                      .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw unavailable("describe bulk retry " + jobId, e);
    }
    return Optional.of(
        new BulkRetryProgress(
            response.getJobId(),
            enumName(response.getOperationType().name(), "BATCH_OPERATION_TYPE_"),
            enumName(response.getState().name(), "BATCH_OPERATION_STATE_"),
            response.getQuery(),
            response.getReason(),
            response.getIdentity(),
            instant(response.hasStartTime(), response.getStartTime()),
            instant(response.hasCloseTime(), response.getCloseTime()),
            response.getTotalOperationCount(),
            response.getCompleteOperationCount(),
            response.getFailureOperationCount()));
  }

  private <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException | WorkflowServiceException e) {
      throw unavailable(what, e);
    }
  }

  private ReviewUnavailableException unavailable(String what, Exception e) {
    log.warn("Temporal could not {}: {}", what, reason(e));
    return new ReviewUnavailableException(what, retryAfter, e);
  }

  private static String reason(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        return status.getStatus().getCode().name();
      }
    }
    return e.getClass().getSimpleName();
  }

  private static String executionStatus(WorkflowExecutionMetadata metadata) {
    return executionStatus(metadata.getStatus());
  }

  /** {@code RUNNING}, {@code COMPLETED}...: how the review API names an execution's status. */
  static String executionStatus(WorkflowExecutionStatus status) {
    return enumName(status.name(), "WORKFLOW_EXECUTION_STATUS_");
  }

  private static String attribute(
      WorkflowExecutionMetadata metadata, SearchAttributeKey<String> key) {
    try {
      return metadata.getTypedSearchAttributes().get(key);
    } catch (IllegalArgumentException e) {
      // A search attribute that is set with another type than ours is not ours to show.
      return null;
    }
  }

  private static String enumName(String name, String prefix) {
    return (name.startsWith(prefix) ? name.substring(prefix.length()) : name)
        .toUpperCase(Locale.ROOT);
  }

  private static Instant instant(boolean present, Timestamp timestamp) {
    return present ? Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()) : null;
  }
}
