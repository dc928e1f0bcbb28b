package com.leadprocessor.connector.enrichment;

import com.github.benmanes.caffeine.cache.Ticker;
import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import com.leadprocessor.workflow.verification.VerificationResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.util.unit.DataSize;

/** Leads and configurations for the enrichment tests. */
final class EnrichmentFixtures {

  static final String TOKEN = "fp-secret-token-7f3a";
  static final String TRANSCRIPT_SECRET = "Bearer transcript-secret-91c2";

  private EnrichmentFixtures() {}

  /** The design's example lead from a business address, with this visitor IP and transcript URL. */
  static EnrichmentInput lead(String ip, String transcriptUrl) {
    LeadCaptureEvent example =
        ExampleLead.event(
            "jane@acme-corp.com",
            ExampleLead.QUESTION,
            "/pricing/enterprise",
            ExampleLead.USER_AGENT);
    LeadCaptureEvent event =
        new LeadCaptureEvent(
            example.event(),
            example.timestamp(),
            example.visitorId(),
            example.conversationId(),
            example.capturedEmail(),
            example.triggerQuery(),
            transcriptUrl,
            new LeadMetadata(
                example.metadata().sourceUrl(), ip, example.metadata().userAgent(), Map.of()),
            Map.of());
    return new EnrichmentInput(
        event, VerificationResult.accepted("jane@acme-corp.com", "acme-corp.com", false));
  }

  static EnrichmentInput leadFrom(String ip) {
    return lead(ip, null);
  }

  static EnrichmentProperties.Firmographics firmographics(String url, String token) {
    return new EnrichmentProperties.Firmographics(
        url,
        token,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        Duration.ofHours(24),
        Duration.ofHours(1),
        100);
  }

  static EnrichmentProperties.Transcript transcript(
      List<String> allowedHosts, DataSize maxBytes, int maxExcerptChars) {
    return new EnrichmentProperties.Transcript(
        allowedHosts,
        "Authorization",
        TRANSCRIPT_SECRET,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        maxBytes,
        maxExcerptChars);
  }

  static EnrichmentProperties properties(
      EnrichmentProperties.Firmographics firmographics,
      EnrichmentProperties.Transcript transcript) {
    return new EnrichmentProperties(Duration.ofSeconds(5), firmographics, transcript);
  }

  /** A ticker that moves only when a test moves it. */
  static final class TestTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong();

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long read() {
      return nanos.get();
    }
  }
}
