package com.leadprocessor.emulation;

import com.github.tomakehurst.wiremock.common.Json;
import java.util.Map;
import wiremock.com.fasterxml.jackson.core.JsonProcessingException;
import wiremock.com.fasterxml.jackson.databind.ObjectWriter;
import wiremock.com.fasterxml.jackson.databind.SerializationFeature;

/** JSON through WireMock's own (shaded) Jackson, so the emulation adds no dependency. */
final class SalesforceEmulationJson {

  /** Compact, as Salesforce answers (WireMock's own writer indents). */
  private static final ObjectWriter COMPACT =
      Json.getObjectMapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  private SalesforceEmulationJson() {}

  static String write(Object value) {
    try {
      return COMPACT.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not serialisable as JSON: " + value, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readObject(String json) {
    return Json.read(json, Map.class);
  }
}
