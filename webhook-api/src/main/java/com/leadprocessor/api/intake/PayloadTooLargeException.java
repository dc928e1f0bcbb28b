package com.leadprocessor.api.intake;

import org.springframework.util.unit.DataSize;

/** The body is larger than {@code leads.webhook.max-body-size}; it was not read to the end. */
public class PayloadTooLargeException extends RuntimeException {

  PayloadTooLargeException(DataSize limit) {
    super("The body is larger than the limit of " + limit.toBytes() + " bytes.");
  }
}
