package com.leadprocessor.connector;

import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.review.LeadReviewActivities;
import com.leadprocessor.workflow.review.ReviewAlert;
import com.leadprocessor.workflow.review.ReviewPolicy;
import com.leadprocessor.workflow.routing.LeadRoutingActivities;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.routing.RoutingInput;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.leadprocessor.workflow.verification.LeadVerificationActivities;
import com.leadprocessor.workflow.verification.VerificationResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class ActivitiesProbeWorkflowImpl implements ActivitiesProbeWorkflow {

  private static final ActivityOptions ONCE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  private final LeadVerificationActivities verification =
      Workflow.newActivityStub(LeadVerificationActivities.class, ONCE);
  private final LeadRoutingActivities routing =
      Workflow.newActivityStub(LeadRoutingActivities.class, ONCE);
  private final LeadEnrichmentActivities enrichment =
      Workflow.newActivityStub(LeadEnrichmentActivities.class, ONCE);
  private final SalesforceLeadActivities salesforce =
      Workflow.newActivityStub(SalesforceLeadActivities.class, ONCE);
  private final SlackAlertActivities slack =
      Workflow.newActivityStub(SlackAlertActivities.class, ONCE);
  private final LeadReviewActivities review =
      Workflow.newActivityStub(LeadReviewActivities.class, ONCE);

  @Override
  public Answers probe(LeadCaptureEvent event) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    VerificationResult verified = verification.verify(event);
    Route route = routing.route(new RoutingInput(event, verified));
    Enrichment enriched = enrichment.enrich(new EnrichmentInput(event, verified));
    CrmLead crmLead =
        salesforce.upsertLead(
            new CrmLeadRequest(event, verified.normalizedEmail(), route, enriched));
    SlackMessage message =
        slack.postLeadAlert(
            new LeadAlert(
                workflowId, event, verified.normalizedEmail(), route, enriched, crmLead, null));
    ReviewPolicy policy = review.reviewPolicy();
    ReviewAlert alert =
        new ReviewAlert(
            workflowId, event.conversationId(), LeadStep.SLACK, "probe", "none", Duration.ZERO);
    review.alertReviewNeeded(alert);
    review.remindReviewPending(alert);
    return new Answers(verified, route, enriched, crmLead, message, policy);
  }
}
