package com.leadprocessor.emulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A canned refusal the {@link SalesforceEmulation} answers an upsert with, shaped as Salesforce
 * shapes it: a JSON array of {@code {"message", "errorCode", "fields"}} for API errors, an HTML
 * page for the edge's 502 and 503.
 *
 * @param body a JSON string, or an HTML page when {@code contentType} says so
 */
public record SalesforceEmulationRejection(int status, String contentType, String body) {

  /**
   * An error array with one error, for example {@code error(400, "REQUIRED_FIELD_MISSING",
   * "Required fields are missing: [Company]", "Company")}.
   */
  public static SalesforceEmulationRejection error(
      int status, String errorCode, String message, String... fields) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("errorCode", errorCode);
    if (fields.length > 0 || status == 400) {
      error.put("fields", List.of(fields));
    }
    return new SalesforceEmulationRejection(
        status, "application/json;charset=UTF-8", SalesforceEmulationJson.write(List.of(error)));
  }

  /** {@code 403 REQUEST_LIMIT_EXCEEDED}: the org's rolling 24-hour API request limit is used up. */
  public static SalesforceEmulationRejection requestLimitExceeded() {
    return error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
  }

  /** {@code 500 UNKNOWN_EXCEPTION}, Salesforce's answer to an internal error. */
  public static SalesforceEmulationRejection internalError() {
    return error(
        500,
        "UNKNOWN_EXCEPTION",
        "An unexpected error occurred. Please include this ErrorId if you contact support:"
            + " 1234567890-12345 (-987654321)");
  }

  /** A 502 or 503 from the edge in front of the instance: an HTML page, not an error array. */
  public static SalesforceEmulationRejection unavailable(int status) {
    return new SalesforceEmulationRejection(
        status,
        "text/html",
        "<html><body><h1>" + status + " Service Unavailable</h1></body></html>");
  }
}
