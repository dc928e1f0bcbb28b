package com.leadprocessor.observability;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks email and IP addresses in every string of a structured (JSON) log line: the message, MDC
 * values and stack traces alike. Activities mask the emails they log themselves; this is the net
 * under them for free-form lines, exception messages and third-party libraries. Enabled with {@code
 * logging.structured.json.customizer}.
 */
public class PersonalDataMaskingJsonMembersCustomizer
    implements StructuredLoggingJsonMembersCustomizer<Object> {

  @Override
  public void customize(JsonWriter.Members<Object> members) {
    members.applyingValueProcessor(
        JsonWriter.ValueProcessor.of(
            String.class, text -> IpMasking.mask(EmailMasking.mask(text))));
  }
}
