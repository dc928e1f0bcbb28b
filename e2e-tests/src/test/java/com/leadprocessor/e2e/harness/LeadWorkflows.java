package com.leadprocessor.e2e.harness;

import com.leadprocessor.codec.AesGcmPayloadCodec;
import com.leadprocessor.codec.CodecKeys;
import com.leadprocessor.codec.PayloadCodecProperties;
import com.leadprocessor.workflow.LeadOutcome;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.LeadSearchAttributes;
import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import io.temporal.api.history.v1.History;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What Temporal knows about the leads, read through the Java SDK: visibility queries (which the
 * in-memory test server cannot answer), outcomes and the {@code state} query.
 */
public final class LeadWorkflows implements AutoCloseable {

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  /**
   * @param codecKeys the apps' {@code LEADS_CODEC_KEYS}, so that results and query answers are read
   *     as the apps sealed them; {@code null} when the apps run without the payload codec
   */
  public LeadWorkflows(String address, String codecKeys) {
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    WorkflowClientOptions.Builder options =
        WorkflowClientOptions.newBuilder().setNamespace("default");
    if (codecKeys != null) {
      options.setDataConverter(
          new CodecDataConverter(
              DefaultDataConverter.newDefaultInstance(),
              List.of(
                  new AesGcmPayloadCodec(
                      CodecKeys.from(new PayloadCodecProperties(true, List.of(codecKeys), null)))),
              true));
    }
    this.client = WorkflowClient.newInstance(service, options.build());
  }

  /**
   * Starts a lead's workflow as the versions before {@code LeadEmailHash} did: without the search
   * attribute, sealed as the apps seal it. On a task queue no worker polls, so it stays running as
   * it was started; what erasure reads of it is its start input.
   */
  public void startWithoutEmailHash(String workflowId, LeadCaptureEvent event) {
    client
        .newUntypedWorkflowStub(
            LeadWorkflow.WORKFLOW_TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue("leads-before-email-hash")
                .build())
        .start(new LeadRequest(event, Instant.now(), "delivery-" + workflowId));
  }

  /** Every execution, of any run, that {@code query} finds. */
  public List<WorkflowExecutionMetadata> list(String query) {
    return client.listExecutions(query).toList();
  }

  /** Every execution, of any run, of the lead's workflow id. */
  public List<WorkflowExecutionMetadata> executionsOf(TestLead lead) {
    return list("WorkflowId = '" + lead.workflowId() + "'");
  }

  /** The lead's {@code LeadStatus} search attribute as visibility shows it, or null. */
  public String visibleStatus(TestLead lead) {
    List<WorkflowExecutionMetadata> executions = executionsOf(lead);
    return executions.isEmpty()
        ? null
        : executions.get(0).getTypedSearchAttributes().get(LeadSearchAttributes.LEAD_STATUS);
  }

  /** Waits for the lead's workflow to end and returns how it ended. */
  public LeadOutcome outcome(TestLead lead, Duration timeout) {
    WorkflowStub stub = client.newUntypedWorkflowStub(lead.workflowId());
    try {
      return stub.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, LeadOutcome.class);
    } catch (TimeoutException e) {
      throw new AssertionError(
          lead.workflowId() + " did not end within " + timeout + "; state " + state(lead), e);
    }
  }

  /** The lead's workflow history as the server holds it now. */
  public History history(TestLead lead) {
    return client.fetchHistory(lead.workflowId()).getHistory();
  }

  /** The answer of the workflow's {@code state} query. */
  public LeadState state(TestLead lead) {
    return client.newUntypedWorkflowStub(lead.workflowId()).query("state", LeadState.class);
  }

  /** Whether the lead waits in review right now, according to its {@code state} query. */
  public boolean inReview(TestLead lead) {
    return state(lead).status() == LeadStatus.NEEDS_REVIEW;
  }

  @Override
  public void close() {
    service.shutdown();
    service.awaitTermination(5, TimeUnit.SECONDS);
  }
}
