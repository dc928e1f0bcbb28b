package com.leadprocessor.connector.salesforce;

import com.leadprocessor.workflow.lead.LeadFailureType;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what Salesforce answered into the failure the workflow acts on: a retryable {@code
 * UNAVAILABLE} failure for what time heals (5xx, timeouts, {@code REQUEST_LIMIT_EXCEEDED}, {@code
 * UNABLE_TO_LOCK_ROW}), a non-retryable one typed with a {@link LeadFailureType} for what it does
 * not. The message carries Salesforce's own error code, text and fields, because the workflow shows
 * it to the person reviewing the lead.
 */
final class SalesforceFailures {

  /** Error codes that a later attempt can succeed past. */
  private static final Set<String> TRANSIENT =
      Set.of("REQUEST_LIMIT_EXCEEDED", "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE");

  /** Error codes that say our configuration does not fit the org, not that the lead is wrong. */
  private static final Set<String> CONFIGURATION =
      Set.of(
          "INVALID_FIELD",
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          "INVALID_TYPE",
          "NOT_FOUND",
          "INVALID_CROSS_REFERENCE_KEY",
          "INSUFFICIENT_ACCESS",
          "INSUFFICIENT_ACCESS_OR_READONLY",
          "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
          "API_DISABLED_FOR_ORG",
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");

  private SalesforceFailures() {}

  /** The failure for an error answer from the REST API. */
  static ApplicationFailure of(SalesforceApiException error, SalesforceLeadUpsert upsert) {
    int status = error.status();
    // Set.of(...).contains(null) throws, and a 300 or an HTML page has no error code.
    String code = error.errorCode() == null ? "" : error.errorCode();
    String text = describe(error);
    if (status >= 500 || status == 408 || status == 429 || TRANSIENT.contains(code)) {
      return retryable("Salesforce is unavailable: " + text, error);
    }
    if (status == 300) {
      List<String> matches = error.multipleChoices();
      return permanent(
          LeadFailureType.DUPLICATE,
          "Salesforce answered 300 Multiple Choices: %d Leads have %s = %s (%s); make the field"
                  .formatted(
                      matches.size(),
                      upsert.externalIdField(),
                      upsert.externalId(),
                      String.join(", ", matches))
              + " unique and merge them",
          error);
    }
    if (status == 401) {
      return permanent(
          LeadFailureType.AUTHENTICATION,
          "Salesforce rejected a freshly issued session: " + text,
          error);
    }
    if (status == 404 || CONFIGURATION.contains(code)) {
      String hint =
          status == 404
              ? " (is %s an External ID field on Lead, visible to the integration user?)"
                  .formatted(upsert.externalIdField())
              : "";
      return permanent(
          LeadFailureType.CONFIGURATION, "Salesforce refused the Lead: " + text + hint, error);
    }
    if ("DUPLICATES_DETECTED".equals(code)) {
      return permanent(
          LeadFailureType.DUPLICATE,
          "Salesforce's duplicate rules blocked the Lead, matching "
              + duplicateMatches(error)
              + "; decide which record to keep: "
              + text,
          error);
    }
    if (status == 400) {
      return permanent(
          LeadFailureType.INVALID_LEAD_DATA, "Salesforce refused the Lead: " + text, error);
    }
    return permanent(
        LeadFailureType.UNEXPECTED, "Salesforce answered unexpectedly: " + text, error);
  }

  /**
   * The failure for an error answer to the User query or the Lead owner update of a claim: {@code
   * INVALID_CROSS_REFERENCE_KEY} (an owner id that is no user or queue of the org) and other
   * configuration errors are permanent, outages retry.
   *
   * @param what what was asked, for example {@code the owner update of Lead 00Q...}
   */
  static ApplicationFailure ofOwnerAssignment(SalesforceApiException error, String what) {
    int status = error.status();
    String code = error.errorCode() == null ? "" : error.errorCode();
    String text = describe(error);
    if (status >= 500 || status == 408 || status == 429 || TRANSIENT.contains(code)) {
      return retryable("Salesforce is unavailable for " + what + ": " + text, error);
    }
    if (status == 401) {
      return permanent(
          LeadFailureType.AUTHENTICATION,
          "Salesforce rejected a freshly issued session for " + what + ": " + text,
          error);
    }
    if ("INVALID_CROSS_REFERENCE_KEY".equals(code)) {
      return permanent(
          LeadFailureType.CONFIGURATION,
          ("Salesforce refused %s: %s; the owner id is no active user or queue of the org. Fix"
                  + " leads.claims.owners or leads.claims.fallback-owner-id.")
              .formatted(what, text),
          error);
    }
    if (status == 404 || CONFIGURATION.contains(code)) {
      return permanent(
          LeadFailureType.CONFIGURATION, "Salesforce refused " + what + ": " + text, error);
    }
    return permanent(
        LeadFailureType.UNEXPECTED,
        "Salesforce answered " + what + " unexpectedly: " + text,
        error);
  }

  /** The failure for a request that got no answer: a timeout or a refused connection. */
  static ApplicationFailure unreachable(String what, IOException cause) {
    return retryable(
        "Salesforce did not answer %s: %s: %s"
            .formatted(what, cause.getClass().getSimpleName(), cause.getMessage()),
        cause);
  }

  /** The token endpoint refused our client credentials. */
  static ApplicationFailure tokenRefused(int status, String error, String description) {
    return permanent(
        LeadFailureType.AUTHENTICATION,
        "Salesforce refused the client credentials (%d %s: %s); check SALESFORCE_CLIENT_ID,"
                .formatted(status, error, description)
            + " SALESFORCE_CLIENT_SECRET, SALESFORCE_LOGIN_URL and that the connected app has the"
            + " client credentials flow enabled with a run-as user",
        new SalesforceApiException(status, error + ": " + description));
  }

  /** The token endpoint failed in a way that can heal. */
  static ApplicationFailure tokenUnavailable(int status, String body) {
    return retryable(
        "Salesforce's token endpoint is unavailable (%d)".formatted(status),
        new SalesforceApiException(status, body));
  }

  static ApplicationFailure retryable(String message, Throwable cause) {
    return ApplicationFailure.newFailureWithCause(
        message, LeadFailureType.UNAVAILABLE.name(), cause);
  }

  static ApplicationFailure permanent(LeadFailureType type, String message, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(message, type.name(), cause);
  }

  /** Salesforce's words: every error's code, message and fields, or the status and body. */
  static String describe(SalesforceApiException error) {
    List<SalesforceApiException.SalesforceError> errors = error.errors();
    if (errors.isEmpty()) {
      String body = error.body().strip();
      return error.status()
          + (body.isEmpty() || body.startsWith("<") ? "" : " " + abbreviated(body));
    }
    return error.status()
        + " "
        + errors.stream()
            .map(SalesforceApiException.SalesforceError::describe)
            .collect(Collectors.joining("; "));
  }

  private static String duplicateMatches(SalesforceApiException error) {
    List<SalesforceApiException.DuplicateMatch> matches = error.duplicateMatches();
    return matches.isEmpty()
        ? "no record it named"
        : matches.stream().map(Object::toString).collect(Collectors.joining(", "));
  }

  private static String abbreviated(String body) {
    return body.length() <= 500 ? body : body.substring(0, 500) + "…";
  }
}
