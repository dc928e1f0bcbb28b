package com.leadprocessor.api.erasure;

/** The email hash key is missing or too short. The message never contains the key. */
public class InvalidEmailHashKeyException extends RuntimeException {

  static final String EXPECTED =
      "Set leads.erasure.email-hash-key (LEADS_ERASURE_EMAIL_HASH_KEY) to a random secret of at"
          + " least "
          + EmailHash.MIN_KEY_LENGTH
          + " characters, for example from `openssl rand -hex 32`, and keep it for as long as"
          + " leads are kept.";

  InvalidEmailHashKeyException(String problem) {
    super(problem);
  }
}
