package com.leadprocessor.api.signature;

/**
 * A delivery's signature is missing, does not match any configured secret, or is outside the
 * timestamp tolerance. The message says which, and never contains a secret.
 */
public class InvalidSignatureException extends RuntimeException {

  public InvalidSignatureException(String message) {
    super(message);
  }
}
