package com.leadprocessor.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The lead events the tests send. */
public final class TestEvents {

  private TestEvents() {}

  /** The example event of docs/architecture.md, as a chatbot sends it. */
  public static String example() {
    try (InputStream in = TestEvents.class.getResourceAsStream("/events/example-lead.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example event with another conversation id. */
  public static String exampleFor(String conversationId) {
    return example().replace("\"conv-12345\"", "\"" + conversationId + "\"");
  }
}
