package com.leadprocessor.api.intake;

/** The body is not a single JSON object. The message says why, without echoing the body. */
public class MalformedJsonException extends RuntimeException {

  MalformedJsonException(String message) {
    super(message);
  }
}
