package com.leadprocessor.connector.salesforce;

import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Live activities pointed at a {@link SalesforceEmulation}, called as Temporal calls them. */
final class SalesforceEmulationFixture {

  private SalesforceEmulationFixture() {}

  /** The shipped defaults, live against the emulation, with a short timeout for slow tests. */
  static SalesforceProperties liveAgainst(SalesforceEmulation salesforce) {
    return SalesforceProperties.defaults()
        .withCredentials(
            salesforce.baseUrl(), SalesforceEmulation.CLIENT_ID, SalesforceEmulation.CLIENT_SECRET)
        .withTimeout(Duration.ofSeconds(2));
  }

  /**
   * Runs one attempt of the activity in Temporal's activity test environment, so failures arrive as
   * the workflow would see them: an {@code ActivityFailure} around an {@code ApplicationFailure}.
   */
  static CrmLead upsertOnce(SalesforceLeadActivities activities, CrmLeadRequest request) {
    TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
    try {
      environment.registerActivitiesImplementations(activities);
      SalesforceLeadActivities stub =
          environment.newActivityStub(
              SalesforceLeadActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      return stub.upsertLead(request);
    } finally {
      environment.close();
    }
  }

  static CrmLeadRequest exampleRequest() {
    return new CrmLeadRequest(
        ExampleLead.event(),
        "potential.lead@example.com",
        ExampleLead.enterpriseRoute(),
        ExampleLead.acmeEnrichment());
  }

  static CrmLeadRequest request(String conversationId, String email) {
    return request(
        conversationId, email, ExampleLead.enterpriseRoute(), ExampleLead.acmeEnrichment());
  }

  static CrmLeadRequest request(
      String conversationId, String email, Route route, Enrichment enrichment) {
    LeadCaptureEvent example = ExampleLead.event();
    LeadCaptureEvent event =
        new LeadCaptureEvent(
            example.event(),
            example.timestamp(),
            example.visitorId(),
            conversationId,
            email,
            example.triggerQuery(),
            example.conversationTranscriptUrl(),
            new LeadMetadata(
                "/pricing/enterprise", "203.0.113.1", ExampleLead.USER_AGENT, Map.of()),
            Map.of());
    return new CrmLeadRequest(event, email, route, enrichment);
  }

  static Route routeWithOwner(String ownerId) {
    return new Route("enterprise", "#sales", ownerId, LeadPriority.HIGH, List.of("pricing"));
  }
}
