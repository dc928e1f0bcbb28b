package com.leadprocessor.connector;

import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.UserAgentDetails;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The lead of the design document's example event, and variations of it for tests. */
public final class ExampleLead {

  public static final String QUESTION =
      "Does your API support batch processing for over 1 million records?";
  public static final String USER_AGENT =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/118.0.0.0 Safari/537.36";

  private ExampleLead() {}

  /** The example event exactly as the design document shows it. */
  public static LeadCaptureEvent event() {
    return event("potential.lead@example.com", QUESTION, "/pricing/enterprise", USER_AGENT);
  }

  public static LeadCaptureEvent event(
      String email, String question, String sourceUrl, String userAgent) {
    return new LeadCaptureEvent(
        "lead_capture_fallback",
        Instant.parse("2023-10-27T10:00:00Z"),
        "anon-f8a9b2c1",
        "conv-12345",
        email,
        question,
        "https://api.chatbot.com/transcripts/conv-12345",
        new LeadMetadata(sourceUrl, "203.0.113.1", userAgent, Map.of()),
        Map.of());
  }

  public static Route enterpriseRoute() {
    return new Route("enterprise+api", "#dev-sales", null, LeadPriority.HIGH, List.of("api"));
  }

  public static Enrichment acmeEnrichment() {
    return new Enrichment(
        new Company("Acme Corp", "acme-corp.com", null, null, "email-domain"),
        new UserAgentDetails("Chrome 118", "Windows 10", "Other"),
        null,
        List.of());
  }
}
