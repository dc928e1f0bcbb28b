package com.leadprocessor.activities;

import com.leadprocessor.enrichment.Enrichment;
import com.leadprocessor.lead.LeadCaptureEvent;
import com.leadprocessor.review.ReviewPolicy;
import com.leadprocessor.routing.Route;
import com.leadprocessor.salesforce.CrmLead;
import com.leadprocessor.slack.SlackMessage;
import com.leadprocessor.verification.VerificationResult;
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
