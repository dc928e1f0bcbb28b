package com.leadprocessor.workflow.lead;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lead-capture event a chatbot sends, as validated by the webhook API. Property names match the
 * webhook's JSON so the workflow input in the Temporal UI reads like the event that was sent.
 *
 * @param additionalFields fields the sender added that this service does not know; kept, never a
 *     reason to reject
 */
public record LeadCaptureEvent(
    @JsonProperty("event") String event,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("visitor_id") String visitorId,
    @JsonProperty("conversation_id") String conversationId,
    @JsonProperty("captured_email") String capturedEmail,
    @JsonProperty("trigger_query") String triggerQuery,
    @JsonProperty("conversation_transcript_url") String conversationTranscriptUrl,
    @JsonProperty("metadata") LeadMetadata metadata,
    @JsonProperty("additional_fields") Map<String, Object> additionalFields) {

  public LeadCaptureEvent {
    metadata = metadata == null ? LeadMetadata.EMPTY : metadata;
    // Kept in the sender's order, null values included: unknown fields are passed through as sent.
    additionalFields =
        additionalFields == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(additionalFields));
  }

  /** The same event with another captured email, as a reviewer corrects it. */
  public LeadCaptureEvent withCapturedEmail(String email) {
    return new LeadCaptureEvent(
        event,
        timestamp,
        visitorId,
        conversationId,
        email,
        triggerQuery,
        conversationTranscriptUrl,
        metadata,
        additionalFields);
  }
}
