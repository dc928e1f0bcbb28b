package com.leadprocessor.api.observability;

import java.util.Locale;

/**
 * How a webhook delivery was answered, the {@code outcome} tag of {@code leads.webhook.received}.
 */
enum WebhookOutcome {
  /** 202: the lead's workflow was durably started. */
  ACCEPTED,
  /** 200: the conversation was already delivered; nothing started. */
  DUPLICATE,
  /** 401: missing, wrong, stale or future signature. */
  REJECTED_SIGNATURE,
  /** 400: not one JSON object, or an unreadable body. */
  MALFORMED,
  /** 422: missing or invalid fields. */
  INVALID,
  /** 413: body over {@code leads.webhook.max-body-size}. */
  TOO_LARGE,
  /** 415: not JSON. */
  UNSUPPORTED_MEDIA_TYPE,
  /** 405: not a POST. */
  METHOD_NOT_ALLOWED,
  /** 503: Temporal did not accept the start in time; the sender retries. */
  UNAVAILABLE,
  /** Any other answer, including a 500: a bug to look at. */
  ERROR;

  static WebhookOutcome forStatus(int status) {
    return switch (status) {
      case 202 -> ACCEPTED;
      case 200 -> DUPLICATE;
      case 401 -> REJECTED_SIGNATURE;
      case 400 -> MALFORMED;
      case 422 -> INVALID;
      case 413 -> TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 405 -> METHOD_NOT_ALLOWED;
      case 503 -> UNAVAILABLE;
      default -> ERROR;
    };
  }

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
