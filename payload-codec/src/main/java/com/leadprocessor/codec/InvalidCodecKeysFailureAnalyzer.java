package com.leadprocessor.codec;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing or malformed payload keys into a short start-up report instead of a trace. */
class InvalidCodecKeysFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCodecKeysException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidCodecKeysException cause) {
    return new FailureAnalysis(cause.getMessage(), InvalidCodecKeysException.EXPECTED, cause);
  }
}
