package com.leadprocessor.api.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class WebhookSignatureVerifierTest {

  // The published Standard Webhooks test vector.
  static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long VECTOR_TIMESTAMP = 1614265330;
  static final String VECTOR_PAYLOAD = "{\"test\": 2432232314}";
  static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  static final String OLD_SECRET = "whsec_" + "b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZA==";
  static final String PLAIN_SECRET = "a-plain-utf8-secret";
  static final Clock AT_VECTOR_TIME =
      Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP), ZoneOffset.UTC);

  static WebhookSignatureVerifier verifier(Clock clock, String... secrets) {
    return verifier(SignatureHeaders.DEFAULT_BODY_SIGNATURE_HEADER, clock, secrets);
  }

  static WebhookSignatureVerifier verifier(
      String bodySignatureHeader, Clock clock, String... secrets) {
    return new WebhookSignatureVerifier(
        List.of(secrets).stream().map(WebhookSecret::parse).toList(),
        Duration.ofMinutes(5),
        false,
        bodySignatureHeader,
        clock);
  }

  static SignatureHeaders standard(String id, long timestamp, String signature) {
    return new SignatureHeaders(id, Long.toString(timestamp), signature, null);
  }

  static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  @Nested
  class StandardWebhooks {

    @Test
    void publishedTestVectorIsValid() {
      assertThat(
              TestSignatures.standardWebhooks(
                  VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_PAYLOAD))
          .isEqualTo(VECTOR_SIGNATURE);

      SignatureScheme scheme =
          verifier(AT_VECTOR_TIME, VECTOR_SECRET)
              .verify(
                  standard(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE), bytes(VECTOR_PAYLOAD));

      assertThat(scheme).isEqualTo(SignatureScheme.STANDARD_WEBHOOKS);
    }

    @Test
    void tamperedBodyIsRejected() {
      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, VECTOR_SECRET)
                      .verify(
                          standard(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE),
                          bytes("{\"test\": 2432232315}")))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageContaining("no v1 signature that matches");
    }

    @Test
    void tamperedIdIsRejected() {
      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, VECTOR_SECRET)
                      .verify(
                          standard("msg_other", VECTOR_TIMESTAMP, VECTOR_SIGNATURE),
                          bytes(VECTOR_PAYLOAD)))
          .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void wrongSecretIsRejected() {
      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, OLD_SECRET)
                      .verify(
                          standard(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE),
                          bytes(VECTOR_PAYLOAD)))
          .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void missingHeadersAreNamed() {
      WebhookSignatureVerifier verifier = verifier(AT_VECTOR_TIME, VECTOR_SECRET);

      assertThatThrownBy(
              () ->
                  verifier.verify(
                      new SignatureHeaders(
                          null, Long.toString(VECTOR_TIMESTAMP), VECTOR_SIGNATURE, null),
                      bytes(VECTOR_PAYLOAD)))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessage("The webhook-id header is missing.");
      assertThatThrownBy(
              () ->
                  verifier.verify(
                      new SignatureHeaders(VECTOR_ID, null, VECTOR_SIGNATURE, null),
                      bytes(VECTOR_PAYLOAD)))
          .hasMessage("The webhook-timestamp header is missing.");
      assertThatThrownBy(
              () ->
                  verifier.verify(
                      new SignatureHeaders(VECTOR_ID, Long.toString(VECTOR_TIMESTAMP), null, null),
                      bytes(VECTOR_PAYLOAD)))
          .hasMessage("The webhook-signature header is missing.");
    }

    @Test
    void requestWithoutAnySignatureIsRejected() {
      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, VECTOR_SECRET)
                      .verify(new SignatureHeaders(null, null, null, null), bytes(VECTOR_PAYLOAD)))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageContaining("carries no signature");
    }

    @Test
    void staleTimestampIsRejected() {
      Clock sixMinutesLater = Clock.offset(AT_VECTOR_TIME, Duration.ofMinutes(6));

      assertThatThrownBy(
              () ->
                  verifier(sixMinutesLater, VECTOR_SECRET)
                      .verify(
                          standard(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE),
                          bytes(VECTOR_PAYLOAD)))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageContaining("stale");
    }

    @Test
    void futureTimestampIsRejected() {
      Clock sixMinutesEarlier = Clock.offset(AT_VECTOR_TIME, Duration.ofMinutes(-6));

      assertThatThrownBy(
              () ->
                  verifier(sixMinutesEarlier, VECTOR_SECRET)
                      .verify(
                          standard(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE),
                          bytes(VECTOR_PAYLOAD)))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageContaining("in the future");
    }

    @Test
    void timestampWithinToleranceIsAccepted() {
      Clock fourMinutesLater = Clock.offset(AT_VECTOR_TIME, Duration.ofMinutes(4));

      assertThat(
              verifier(fourMinutesLater, VECTOR_SECRET)
                  .verify(
                      standard(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE),
                      bytes(VECTOR_PAYLOAD)))
          .isEqualTo(SignatureScheme.STANDARD_WEBHOOKS);
    }

    @Test
    void nonNumericTimestampIsRejected() {
      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, VECTOR_SECRET)
                      .verify(
                          new SignatureHeaders(
                              VECTOR_ID, "2021-02-26T15:02:10Z", VECTOR_SIGNATURE, null),
                          bytes(VECTOR_PAYLOAD)))
          .hasMessageContaining("not a unix timestamp");
    }

    @Test
    void oldAndNewSecretsBothPassDuringRotation() {
      WebhookSignatureVerifier verifier = verifier(AT_VECTOR_TIME, OLD_SECRET, VECTOR_SECRET);
      String signedWithOld =
          TestSignatures.standardWebhooks(OLD_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_PAYLOAD);

      assertThat(
              verifier.verify(
                  standard(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE), bytes(VECTOR_PAYLOAD)))
          .isEqualTo(SignatureScheme.STANDARD_WEBHOOKS);
      assertThat(
              verifier.verify(
                  standard(VECTOR_ID, VECTOR_TIMESTAMP, signedWithOld), bytes(VECTOR_PAYLOAD)))
          .isEqualTo(SignatureScheme.STANDARD_WEBHOOKS);
    }

    @Test
    void oneGoodSignatureAmongSeveralPasses() {
      String header =
          "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1a,ignored-version not-base64 "
              + VECTOR_SIGNATURE;

      assertThat(
              verifier(AT_VECTOR_TIME, VECTOR_SECRET)
                  .verify(standard(VECTOR_ID, VECTOR_TIMESTAMP, header), bytes(VECTOR_PAYLOAD)))
          .isEqualTo(SignatureScheme.STANDARD_WEBHOOKS);
    }

    @Test
    void signatureOfAnotherVersionIsIgnored() {
      String otherVersion = VECTOR_SIGNATURE.replace("v1,", "v1a,");

      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, VECTOR_SECRET)
                      .verify(
                          standard(VECTOR_ID, VECTOR_TIMESTAMP, otherVersion),
                          bytes(VECTOR_PAYLOAD)))
          .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void bodyThatIsNotUtf8CannotBeCheckedAndIsAnsweredAsMalformed() {
      byte[] latin1 = "{\"name\": \"Müller\"}".getBytes(StandardCharsets.ISO_8859_1);

      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, VECTOR_SECRET)
                      .verify(standard(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE), latin1))
          .isInstanceOf(BodyNotUtf8Exception.class)
          .hasMessage("The body is not valid UTF-8; send JSON as UTF-8.");
    }

    @Test
    void plainSecretIsUsedAsUtf8Bytes() {
      String signature =
          TestSignatures.standardWebhooks(
              PLAIN_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_PAYLOAD);

      assertThat(
              verifier(AT_VECTOR_TIME, PLAIN_SECRET)
                  .verify(standard(VECTOR_ID, VECTOR_TIMESTAMP, signature), bytes(VECTOR_PAYLOAD)))
          .isEqualTo(SignatureScheme.STANDARD_WEBHOOKS);
    }
  }

  @Nested
  class BodySignatureHeader {

    static final String GITHUB = "X-Hub-Signature-256";

    static HttpHeaders header(String name, String value) {
      HttpHeaders headers = new HttpHeaders();
      headers.set(name, value);
      return headers;
    }

    @Test
    void defaultHeaderIsXSignature256() {
      String signature = TestSignatures.signature256(PLAIN_SECRET, VECTOR_PAYLOAD);

      assertThat(
              verifier(AT_VECTOR_TIME, PLAIN_SECRET)
                  .verify(header("x-signature-256", signature), bytes(VECTOR_PAYLOAD)))
          .isEqualTo(SignatureScheme.BODY_HMAC);
    }

    @Test
    void gitHubStyleHeaderIsAcceptedWhenConfigured() {
      String signature = TestSignatures.signature256(PLAIN_SECRET, VECTOR_PAYLOAD);

      assertThat(
              verifier(GITHUB, AT_VECTOR_TIME, PLAIN_SECRET)
                  .verify(header(GITHUB, signature), bytes(VECTOR_PAYLOAD)))
          .isEqualTo(SignatureScheme.BODY_HMAC);
    }

    @Test
    void gitHubStyleHeaderIsRefusedWhenNotConfigured() {
      String signature = TestSignatures.signature256(PLAIN_SECRET, VECTOR_PAYLOAD);

      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, PLAIN_SECRET)
                      .verify(header(GITHUB, signature), bytes(VECTOR_PAYLOAD)))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageEndingWith("or X-Signature-256.");
    }

    @Test
    void configuredHeaderReplacesTheDefaultAndIsNamedInEveryRefusal() {
      WebhookSignatureVerifier gitHub = verifier(GITHUB, AT_VECTOR_TIME, PLAIN_SECRET);
      String signature = TestSignatures.signature256(PLAIN_SECRET, VECTOR_PAYLOAD);

      assertThatThrownBy(
              () -> gitHub.verify(header("X-Signature-256", signature), bytes(VECTOR_PAYLOAD)))
          .hasMessageEndingWith("or X-Hub-Signature-256.");
      assertThatThrownBy(() -> gitHub.verify(header(GITHUB, "sha1=abc"), bytes(VECTOR_PAYLOAD)))
          .hasMessage("The X-Hub-Signature-256 header is not of the form sha256=<64 hex digits>.");
      assertThatThrownBy(() -> gitHub.verify(header(GITHUB, signature), bytes("{}")))
          .hasMessage(
              "The X-Hub-Signature-256 header does not match the body with a configured secret.");
    }
  }

  @Nested
  class Signature256 {

    static SignatureHeaders signature256(String value) {
      return new SignatureHeaders(null, null, null, value);
    }

    @Test
    void validBodySignaturePasses() {
      String header = TestSignatures.signature256(PLAIN_SECRET, VECTOR_PAYLOAD);

      assertThat(
              verifier(AT_VECTOR_TIME, VECTOR_SECRET, PLAIN_SECRET)
                  .verify(signature256(header), bytes(VECTOR_PAYLOAD)))
          .isEqualTo(SignatureScheme.BODY_HMAC);
    }

    @Test
    void whsecSecretSignsWithItsDecodedKey() {
      String header = TestSignatures.signature256(VECTOR_SECRET, VECTOR_PAYLOAD).toUpperCase();

      assertThat(
              verifier(AT_VECTOR_TIME, VECTOR_SECRET)
                  .verify(
                      signature256(header.replace("SHA256=", "sha256=")), bytes(VECTOR_PAYLOAD)))
          .isEqualTo(SignatureScheme.BODY_HMAC);
    }

    @Test
    void tamperedBodyIsRejected() {
      String header = TestSignatures.signature256(PLAIN_SECRET, VECTOR_PAYLOAD);

      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, PLAIN_SECRET)
                      .verify(signature256(header), bytes(VECTOR_PAYLOAD + " ")))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageContaining("does not match");
    }

    @Test
    void malformedHeaderIsRejected() {
      assertThatThrownBy(
              () ->
                  verifier(AT_VECTOR_TIME, PLAIN_SECRET)
                      .verify(signature256("sha1=abc"), bytes(VECTOR_PAYLOAD)))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageContaining("sha256=<64 hex digits>");
    }
  }

  @Nested
  class Unsigned {

    @Test
    void unsignedDeliveryIsAcceptedOnlyWhenAllowed() {
      WebhookSignatureVerifier allowing =
          new WebhookSignatureVerifier(
              List.of(),
              Duration.ofMinutes(5),
              true,
              SignatureHeaders.DEFAULT_BODY_SIGNATURE_HEADER,
              AT_VECTOR_TIME);

      assertThat(allowing.verify(new SignatureHeaders(null, null, null, null), bytes("{}")))
          .isEqualTo(SignatureScheme.UNSIGNED);
    }

    @Test
    void signedDeliveryIsStillVerifiedWhenUnsignedIsAllowed() {
      WebhookSignatureVerifier allowing =
          new WebhookSignatureVerifier(
              List.of(WebhookSecret.parse(VECTOR_SECRET)),
              Duration.ofMinutes(5),
              true,
              SignatureHeaders.DEFAULT_BODY_SIGNATURE_HEADER,
              AT_VECTOR_TIME);

      assertThatThrownBy(
              () ->
                  allowing.verify(
                      standard(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE), bytes("{}")))
          .isInstanceOf(InvalidSignatureException.class);
    }
  }

  @Nested
  class Secrets {

    @Test
    void whsecSecretThatIsNotBase64IsRefusedWithoutEchoingIt() {
      assertThatThrownBy(() -> WebhookSecret.parse("whsec_not*base64!"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not valid base64")
          .hasMessageNotContaining("not*base64!");
    }

    @Test
    void secretIsRedactedInToString() {
      assertThat(WebhookSecret.parse(PLAIN_SECRET).toString()).doesNotContain(PLAIN_SECRET);
    }
  }
}
