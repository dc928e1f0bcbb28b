package com.leadprocessor.api.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The event's {@code timestamp} is read as the OpenAPI document describes it ({@code format:
 * date-time}, RFC 3339). Schemathesis found a schema-valid timestamp ({@code
 * 2000-01-01T00:00:00.7-20:58}) that was refused with a 422.
 */
class LeadEventParserTest {

  @ParameterizedTest
  @CsvSource({
    "2023-10-27T10:00:00Z, 2023-10-27T10:00:00Z",
    "2023-10-27T12:00:00+02:00, 2023-10-27T10:00:00Z",
    "2023-10-27t10:00:00z, 2023-10-27T10:00:00Z",
    // Offsets beyond java.time's ±18:00 are valid RFC 3339.
    "2000-01-01T00:00:00.7-20:58, 2000-01-01T20:58:00.7Z",
    "2000-01-01T00:00:00+23:59, 1999-12-31T00:01:00Z",
    // A leap second is the next second; fraction digits past the ninth are dropped.
    "2016-12-31T23:59:60Z, 2017-01-01T00:00:00Z",
    "2023-10-27T10:00:00.1234567891234Z, 2023-10-27T10:00:00.123456789Z",
  })
  void everyRfc3339DateTimeIsAnInstant(String timestamp, String expected) {
    assertThat(LeadEventParser.instant(timestamp)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2023-10-27",
        "2023-10-27T10:00:00",
        "2023-02-30T10:00:00Z",
        "2023-10-27T24:00:00Z",
        "2023-10-27T10:00:61Z",
        "2023-10-27T10:00:00+24:00",
        "2023-10-27T10:00:00+01:60",
        "2023-10-27 10:00:00Z"
      })
  void otherTimestampsAreRefused(String timestamp) {
    assertThatThrownBy(() -> LeadEventParser.instant(timestamp))
        .isInstanceOf(DateTimeException.class);
  }

  @Test
  void anEventWithAnRfc3339OnlyTimestampIsValid() {
    String event =
        """
        {"event": "lead_capture_fallback", "timestamp": "2000-01-01T00:00:00.7-20:58",
         "conversation_id": "conv-1", "captured_email": "a@example.com", "trigger_query": "?"}
        """;

    assertThat(new LeadEventParser().parse(event.getBytes()).timestamp())
        .isEqualTo(Instant.parse("2000-01-01T20:58:00.7Z"));
  }

  /** Found by the hostile-body properties: Jackson's message quoted the body's own text. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": nope_SECRET}",
        "{\"SECRET\": 1, \"SECRET\": 2}",
        "{\"a\": 1} SECRET",
        "[\"SECRET\"",
        "{\"a\": \"x\", SECRET}"
      })
  void malformedJsonIsDescribedWithoutEchoingTheBody(String body) {
    assertThatThrownBy(() -> new LeadEventParser().parse(body.getBytes()))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageStartingWith("The body is not valid JSON (line 1, column ")
        .hasMessageNotContaining("SECRET")
        .hasMessageNotContaining("Source:");
  }

  /**
   * Found by the hostile-body properties: a signed body with a four-byte sequence beyond U+10FFFF
   * inside a string was accepted as a lead.
   */
  @ParameterizedTest
  @ValueSource(strings = {"f4908080", "ff", "c328", "c0af", "eda080", "80", "f888808080"})
  void bodyThatIsNotUtf8IsMalformed(String invalidHex) {
    byte[] invalid = java.util.HexFormat.of().parseHex(invalidHex);
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("{\"event\": \"e\", \"timestamp\": \"2023-10-27T10:00:00Z\", \"conversation_id\": \"c\","
                + " \"captured_email\": \"a@example.com\", \"trigger_query\": \"Do")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(invalid);
    body.writeBytes("es it?\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThatThrownBy(() -> new LeadEventParser().parse(body.toByteArray()))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessage("The body is not valid UTF-8; send JSON as UTF-8.");
  }
}
