package com.leadprocessor.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.RetryRequest;
import io.temporal.api.workflowservice.v1.StartBatchOperationRequest;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemporalLeadDirectoryTest {

  @Test
  void bulkRetryIsOneBatchSignalOperationWithTheReasonRecordedAndSent() {
    BulkRetry retry =
        new BulkRetry(
            "retry-salesforce-1",
            LeadQueries.inReviewAt(com.leadprocessor.workflow.LeadStep.SALESFORCE),
            "Salesforce is back",
            "webhook-api review API (review token #1)");

    StartBatchOperationRequest request =
        TemporalLeadDirectory.batchRequest(
            "default", retry, DefaultDataConverter.STANDARD_INSTANCE);

    assertThat(request.getNamespace()).isEqualTo("default");
    assertThat(request.getJobId()).isEqualTo("retry-salesforce-1");
    assertThat(request.getVisibilityQuery())
        .isEqualTo(
            "WorkflowType=\"LeadWorkflow\" AND ExecutionStatus=\"Running\" AND"
                + " LeadStatus=\"NEEDS_REVIEW\" AND LeadFailedStep=\"SALESFORCE\"");
    assertThat(request.getReason()).isEqualTo("Salesforce is back");
    assertThat(request.hasSignalOperation()).isTrue();
    assertThat(request.getSignalOperation().getSignal()).isEqualTo(LeadWorkflow.SIGNAL_RETRY);
    assertThat(request.getSignalOperation().getIdentity())
        .isEqualTo("webhook-api review API (review token #1)");
    RetryRequest input =
        DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
            0,
            Optional.of(request.getSignalOperation().getInput()),
            RetryRequest.class,
            RetryRequest.class);
    assertThat(input)
        .isEqualTo(
            new RetryRequest(
                "Salesforce is back", null, "webhook-api review API (review token #1)"));
  }
}
