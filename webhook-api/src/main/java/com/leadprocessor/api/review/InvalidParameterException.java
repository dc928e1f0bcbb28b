package com.leadprocessor.api.review;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;

/** A query parameter, path variable or body field of a review request is invalid. */
class InvalidParameterException extends ProblemException {

  /**
   * @param parameter the parameter's name, for example {@code status} or {@code
   *     correction.capturedEmail}
   * @param message what is wrong and what is expected; it may quote the value only when the value
   *     was checked to be short and harmless
   */
  InvalidParameterException(String parameter, String message) {
    super(ProblemType.INVALID_PARAMETER, parameter + " " + message);
    withProperty("parameter", parameter);
  }
}
