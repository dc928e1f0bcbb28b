package com.leadprocessor.api.start;

import com.leadprocessor.api.erasure.EmailHash;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.LeadSearchAttributes;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.common.SearchAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts {@link LeadWorkflow} with the conversation's workflow id. Duplicates are refused by
 * Temporal itself: the id may never be reused, even after the first run completed, and a running
 * workflow with the id is a conflict, not something to attach to.
 */
final class TemporalLeadStarter implements LeadStarter {

  private static final Logger log = LoggerFactory.getLogger(TemporalLeadStarter.class);

  private final WorkflowClient client;
  private final LeadStartProperties properties;
  private final EmailHash emailHash;

  TemporalLeadStarter(WorkflowClient client, LeadStartProperties properties, EmailHash emailHash) {
    this.client = client;
    this.properties = properties;
    this.emailHash = emailHash;
  }

  @Override
  public LeadStart start(LeadRequest request) {
    String workflowId = LeadWorkflowIds.forConversation(request.event().conversationId());
    LeadWorkflow workflow =
        client.newWorkflowStub(LeadWorkflow.class, options(workflowId, request));
    try {
      WorkflowClient.start(workflow::process, request);
      log.info("Started lead workflow {}", workflowId);
      return LeadStart.started(workflowId);
    } catch (WorkflowExecutionAlreadyStarted e) {
      log.info("Duplicate delivery for lead workflow {}; started nothing", workflowId);
      return LeadStart.duplicate(workflowId);
    } catch (WorkflowServiceException e) {
      log.warn(
          "Temporal did not accept the start of lead workflow {} ({}); the sender will retry",
          workflowId,
          grpcStatus(e));
      throw new LeadStartUnavailableException(
          "Temporal did not accept the start of " + workflowId,
          properties.temporal().retryAfter(),
          e);
    }
  }

  private WorkflowOptions options(String workflowId, LeadRequest request) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(properties.taskQueue())
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(LeadSearchAttributes.LEAD_STATUS, LeadStatus.RECEIVED.name())
                .set(
                    LeadSearchAttributes.LEAD_EMAIL_HASH,
                    emailHash.of(request.event().capturedEmail()))
                .build())
        .setStaticSummary(LeadWorkflowDescriptions.summary(request.event()))
        .setStaticDetails(LeadWorkflowDescriptions.details(request))
        .build();
  }

  private static String grpcStatus(WorkflowServiceException e) {
    return e.getCause() instanceof StatusRuntimeException status
        ? status.getStatus().getCode().name()
        : String.valueOf(e.getCause());
  }
}
