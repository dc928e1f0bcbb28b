package com.leadprocessor.api.intake;

/** The body could not be read, typically because the client went away while sending it. */
public class UnreadableBodyException extends RuntimeException {

  UnreadableBodyException(Throwable cause) {
    super("The request body could not be read.", cause);
  }
}
