package com.leadprocessor.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Salesforce answered a REST API request with an error status. It keeps the status and the body as
 * sent, and reads Salesforce's error array ({@code [{"message", "errorCode", "fields"}]}) from it.
 */
public class SalesforceApiException extends RuntimeException {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final String body;
  private final transient JsonNode json;

  public SalesforceApiException(int status, String body) {
    super("Salesforce answered " + status + ": " + body);
    this.status = status;
    this.body = body == null ? "" : body;
    this.json = parse(this.body);
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }

  /** The error array's entries; empty when the body is not one (an HTML 503 page, say). */
  public List<SalesforceError> errors() {
    List<SalesforceError> errors = new ArrayList<>();
    if (json != null && json.isArray()) {
      for (JsonNode error : json) {
        if (error.isObject() && error.hasNonNull("errorCode")) {
          List<String> fields = new ArrayList<>();
          error.path("fields").forEach(field -> fields.add(field.asText()));
          errors.add(
              new SalesforceError(
                  error.path("errorCode").asText(), error.path("message").asText(""), fields));
        }
      }
    }
    return errors;
  }

  /** The first error's code, or null. */
  public String errorCode() {
    List<SalesforceError> errors = errors();
    return errors.isEmpty() ? null : errors.get(0).errorCode();
  }

  /** For {@code DUPLICATES_DETECTED}: every existing record the duplicate rules matched. */
  public List<DuplicateMatch> duplicateMatches() {
    List<DuplicateMatch> matches = new ArrayList<>();
    if (json == null || !json.isArray()) {
      return matches;
    }
    for (JsonNode error : json) {
      for (JsonNode matchResult : error.path("duplicateResult").path("matchResults")) {
        for (JsonNode match : matchResult.path("matchRecords")) {
          JsonNode record = match.path("record");
          String type =
              record
                  .path("attributes")
                  .path("type")
                  .asText(matchResult.path("entityType").asText());
          matches.add(new DuplicateMatch(type, record.path("Id").asText(null)));
        }
      }
    }
    return matches;
  }

  /**
   * For {@code DUPLICATES_DETECTED}: the Id of the one existing record the duplicate rules matched,
   * when they matched exactly one and it is a Lead; empty otherwise.
   */
  public Optional<String> singleDuplicateLeadId() {
    if (!"DUPLICATES_DETECTED".equals(errorCode())) {
      return Optional.empty();
    }
    List<DuplicateMatch> matches = duplicateMatches();
    if (matches.size() != 1 || matches.get(0).id() == null) {
      return Optional.empty();
    }
    DuplicateMatch match = matches.get(0);
    return "Lead".equals(match.type()) ? Optional.of(match.id()) : Optional.empty();
  }

  /**
   * A record a duplicate rule matched, for example {@code Lead 00Q...} or {@code Contact 003...}.
   */
  public record DuplicateMatch(String type, String id) {

    @Override
    public String toString() {
      return type + " " + id;
    }
  }

  /** The record URLs of a {@code 300 Multiple Choices} answer. */
  public List<String> multipleChoices() {
    List<String> urls = new ArrayList<>();
    if (json != null && json.isArray()) {
      json.forEach(url -> urls.add(url.asText()));
    }
    return urls;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception notJson) {
      return null;
    }
  }

  /** One entry of Salesforce's error array. */
  public record SalesforceError(String errorCode, String message, List<String> fields) {

    /** {@code REQUIRED_FIELD_MISSING: Required fields are missing: [Company] (fields: Company)}. */
    public String describe() {
      return errorCode
          + ": "
          + message
          + (fields.isEmpty() ? "" : " (fields: " + String.join(", ", fields) + ")");
    }
  }
}
