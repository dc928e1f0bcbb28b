package com.leadprocessor.api.review;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable review API token into a short start-up report instead of a trace. */
class InvalidReviewTokensFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidReviewTokensException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidReviewTokensException cause) {
    return new FailureAnalysis(cause.getMessage(), InvalidReviewTokensException.EXPECTED, cause);
  }
}
