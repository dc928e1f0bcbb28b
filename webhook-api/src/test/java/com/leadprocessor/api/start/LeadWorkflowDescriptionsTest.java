package com.leadprocessor.api.start;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadWorkflowDescriptionsTest {

  static LeadCaptureEvent event(String query, String transcriptUrl) {
    return new LeadCaptureEvent(
        "lead_capture_fallback",
        Instant.parse("2023-10-27T10:00:00Z"),
        "anon-f8a9b2c1",
        "conv-12345",
        "potential.lead@example.com",
        query,
        transcriptUrl,
        new LeadMetadata("/pricing/enterprise", "203.0.113.1", "Mozilla/5.0", Map.of()),
        Map.of());
  }

  @Test
  void summaryIsOneShortLineWithTheQuestionCut() {
    String summary =
        LeadWorkflowDescriptions.summary(
            event("Does your API support batch processing\nfor over 1 million records?", null));

    assertThat(summary)
        .isEqualTo(
            "Lead conv-12345 · potential.lead@example.com · \"Does your API support batch"
                + " processing…\"");
  }

  @Test
  void detailsKeepSenderTextInCodeSpansSoItCannotInjectMarkdown() {
    String details =
        LeadWorkflowDescriptions.details(
            new LeadRequest(
                event("![pixel](https://evil.example/p.png) `pricing`?", "https://t.example/a(b)"),
                Instant.parse("2023-10-27T10:00:01Z"),
                "msg_1"));

    assertThat(details)
        .contains("**Question:** `![pixel](https://evil.example/p.png) 'pricing'?`")
        .contains("([transcript](https://t.example/a%28b%29))")
        .contains("**Source page:** `/pricing/enterprise`")
        .contains("**Delivery:** `msg_1`");
  }
}
