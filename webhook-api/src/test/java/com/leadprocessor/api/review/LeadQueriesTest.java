package com.leadprocessor.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import org.junit.jupiter.api.Test;

class LeadQueriesTest {

  @Test
  void listQueryFiltersOnStatusAndOptionallyTheFailedStep() {
    assertThat(LeadQueries.byStatus(LeadStatus.NEEDS_REVIEW, null))
        .isEqualTo("WorkflowType=\"LeadWorkflow\" AND LeadStatus=\"NEEDS_REVIEW\"");
    assertThat(LeadQueries.byStatus(LeadStatus.NEEDS_REVIEW, LeadStep.SALESFORCE))
        .isEqualTo(
            "WorkflowType=\"LeadWorkflow\" AND LeadStatus=\"NEEDS_REVIEW\" AND"
                + " LeadFailedStep=\"SALESFORCE\"");
  }

  @Test
  void backlogAndBulkRetryCountOnlyRunningLeads() {
    assertThat(LeadQueries.inReview())
        .isEqualTo(
            "WorkflowType=\"LeadWorkflow\" AND ExecutionStatus=\"Running\" AND"
                + " LeadStatus=\"NEEDS_REVIEW\"");
    assertThat(LeadQueries.inReviewAt(LeadStep.SLACK))
        .isEqualTo(
            "WorkflowType=\"LeadWorkflow\" AND ExecutionStatus=\"Running\" AND"
                + " LeadStatus=\"NEEDS_REVIEW\" AND LeadFailedStep=\"SLACK\"");
  }
}
