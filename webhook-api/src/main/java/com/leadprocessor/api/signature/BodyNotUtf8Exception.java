package com.leadprocessor.api.signature;

/**
 * A delivery signed with Standard Webhooks whose body is not UTF-8. The official library signs
 * text, encoded as UTF-8, so it can check only a body that is exactly such an encoding; any other
 * body could never be a lead anyway (JSON between systems is UTF-8), and it is answered as
 * malformed, as the parser would answer it.
 */
public class BodyNotUtf8Exception extends RuntimeException {

  BodyNotUtf8Exception() {
    super("The body is not valid UTF-8; send JSON as UTF-8.");
  }
}
