package com.leadprocessor.api.review;

/**
 * The free-text fields of review request bodies: their limits, and how they are read. A blank value
 * counts as absent before it is validated; a present value is checked as sent and stripped when it
 * is passed on.
 */
final class ReviewText {

  static final int MAX_REASON_LENGTH = 1_000;
  static final int MAX_FIELD_LENGTH = 320;
  static final String TOO_LONG = "must be at most {max} characters.";

  private ReviewText() {}

  static String absentIfBlank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static String stripped(String value) {
    return value == null ? null : value.strip();
  }
}
