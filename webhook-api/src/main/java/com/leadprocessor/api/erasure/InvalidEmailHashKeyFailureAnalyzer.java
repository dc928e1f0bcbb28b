package com.leadprocessor.api.erasure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or short email hash key into a short start-up report instead of a trace. */
class InvalidEmailHashKeyFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidEmailHashKeyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidEmailHashKeyException cause) {
    return new FailureAnalysis(cause.getMessage(), InvalidEmailHashKeyException.EXPECTED, cause);
  }
}
