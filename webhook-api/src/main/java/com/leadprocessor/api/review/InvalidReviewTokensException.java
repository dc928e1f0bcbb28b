package com.leadprocessor.api.review;

/** A configured review API token is unusable. The message never contains a token. */
public class InvalidReviewTokensException extends RuntimeException {

  static final String EXPECTED =
      "Set leads.review.api-tokens (LEADS_REVIEW_API_TOKENS) to comma-separated random tokens of"
          + " at least "
          + ReviewTokens.MIN_LENGTH
          + " characters, for example from `openssl rand -hex 32`, or leave it empty to disable"
          + " the review API.";

  InvalidReviewTokensException(String problem) {
    super(problem);
  }
}
