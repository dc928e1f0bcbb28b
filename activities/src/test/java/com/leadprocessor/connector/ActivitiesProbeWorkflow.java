package com.leadprocessor.connector;

import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.review.ReviewPolicy;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.leadprocessor.workflow.verification.VerificationResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A test-only workflow that calls every activity once, so their payloads cross Temporal. */
@WorkflowInterface
public interface ActivitiesProbeWorkflow {

  /** What each activity answered, as the workflow received it. */
  record Answers(
      VerificationResult verification,
      Route route,
      Enrichment enrichment,
      CrmLead crmLead,
      SlackMessage slackMessage,
      ReviewPolicy reviewPolicy) {}

  @WorkflowMethod
  Answers probe(LeadCaptureEvent event);
}
