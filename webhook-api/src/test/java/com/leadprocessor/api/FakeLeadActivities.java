package com.leadprocessor.api;

import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadFailureType;
import com.leadprocessor.workflow.review.LeadReviewActivities;
import com.leadprocessor.workflow.review.ReviewAlert;
import com.leadprocessor.workflow.review.ReviewPolicy;
import com.leadprocessor.workflow.routing.LeadPriority;
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
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-ins for the worker's activities, so the real {@code LeadWorkflowImpl} runs on the test
 * server. Salesforce refuses a lead, permanently, while its conversation is in {@link
 * #salesforceRefuses}, the way a {@code REQUIRED_FIELD_MISSING} refuses it.
 */
class FakeLeadActivities
    implements LeadVerificationActivities,
        LeadRoutingActivities,
        LeadEnrichmentActivities,
        SalesforceLeadActivities,
        SlackAlertActivities,
        LeadReviewActivities {

  static final String SALESFORCE_ERROR =
      "REQUIRED_FIELD_MISSING: Required fields are missing: [Company]";

  final Set<String> salesforceRefuses = ConcurrentHashMap.newKeySet();
  final List<CrmLeadRequest> crmLeadsUpserted = new CopyOnWriteArrayList<>();
  final List<ReviewAlert> reviewAlerts = new CopyOnWriteArrayList<>();

  @Override
  public VerificationResult verify(LeadCaptureEvent event) {
    String email = event.capturedEmail().trim();
    return VerificationResult.accepted(email, email.substring(email.indexOf('@') + 1), false);
  }

  @Override
  public Route route(RoutingInput input) {
    return new Route(
        "enterprise+api", "#dev-sales", "00G000000000001", LeadPriority.HIGH, List.of("api"));
  }

  @Override
  public Enrichment enrich(EnrichmentInput input) {
    return new Enrichment(
        new Company("Example Inc", "example.com", "51-200", "Software", "email-domain"),
        null,
        null,
        List.of());
  }

  @Override
  public CrmLead upsertLead(CrmLeadRequest request) {
    if (salesforceRefuses.contains(request.event().conversationId())) {
      throw ApplicationFailure.newNonRetryableFailure(
          SALESFORCE_ERROR, LeadFailureType.INVALID_LEAD_DATA.name());
    }
    crmLeadsUpserted.add(request);
    return new CrmLead(
        "00Q000000000001",
        "https://example.my.salesforce.com/lightning/r/Lead/00Q000000000001/view",
        true);
  }

  @Override
  public SlackMessage postLeadAlert(LeadAlert alert) {
    return new SlackMessage("C0123456789", "1700000000.000100");
  }

  @Override
  public ReviewPolicy reviewPolicy() {
    return new ReviewPolicy(Duration.ofDays(1));
  }

  @Override
  public void alertReviewNeeded(ReviewAlert alert) {
    reviewAlerts.add(alert);
  }

  @Override
  public void remindReviewPending(ReviewAlert alert) {}
}
