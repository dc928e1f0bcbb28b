package com.leadprocessor.workflow.lead;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how the visitor was talking to the chatbot. Every field is optional.
 *
 * @param additionalFields metadata fields this service does not know; kept as sent
 */
public record LeadMetadata(
    @JsonProperty("source_url") String sourceUrl,
    @JsonProperty("ip_address") String ipAddress,
    @JsonProperty("user_agent") String userAgent,
    @JsonProperty("additional_fields") Map<String, Object> additionalFields) {

  public static final LeadMetadata EMPTY = new LeadMetadata(null, null, null, Map.of());

  public LeadMetadata {
    // Kept in the sender's order, null values included: unknown fields are passed through as sent.
    additionalFields =
        additionalFields == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(additionalFields));
  }
}
