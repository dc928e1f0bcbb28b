package com.leadprocessor.api.signature;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Verifies a delivery's HMAC-SHA256 signature on the raw body, before anything parses it. Two
 * schemes are accepted, both with every configured secret so that a secret can be rotated without
 * downtime:
 *
 * <ul>
 *   <li><a href="https://www.standardwebhooks.com/">Standard Webhooks</a>: {@code
 *       webhook-signature} holds space-separated {@code v1,<base64>} entries over {@code
 *       id.timestamp.body}; any one valid entry passes, other versions are ignored, and a {@code
 *       webhook-timestamp} outside the tolerance is refused, which stops replays. The signature is
 *       made by the official library ({@code com.standardwebhooks:standardwebhooks}).
 *   <li>A body HMAC, {@code sha256=<hex>} over the body alone, in a configurable header ({@code
 *       X-Signature-256} by default, GitHub's {@code X-Hub-Signature-256} by configuration), for
 *       senders that cannot sign more. Nothing in it limits replays: a replayed delivery is
 *       harmless only because the workflow id is derived from the conversation id, so it collapses
 *       onto the lead it already started.
 * </ul>
 *
 * When a delivery carries Standard Webhooks headers, only that scheme is checked. Every comparison
 * is constant-time.
 *
 * <p>The library's own {@code Webhook.verify} is not called: it compares {@code webhook-timestamp}
 * with {@code System.currentTimeMillis()} within a fixed five minutes, where this API has a
 * configurable tolerance and a {@link Clock}, and it answers every failure with the same few words,
 * where a sender here is told which header is missing or how the timestamp is off. So this class
 * checks the headers and the timestamp, and compares the entries with {@code Webhook.sign} the way
 * {@code verify} does.
 */
public final class WebhookSignatureVerifier {

  private static final Logger log = LoggerFactory.getLogger(WebhookSignatureVerifier.class);
  private static final String SHA256_PREFIX = "sha256=";
  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final List<WebhookSecret> secrets;
  private final Duration tolerance;
  private final boolean allowUnsigned;
  private final String bodySignatureHeader;
  private final Clock clock;

  /**
   * @param secrets the active secrets; empty only when {@code allowUnsigned}
   * @param tolerance how far {@code webhook-timestamp} may be from now, in either direction
   * @param allowUnsigned whether a delivery without any signature header is accepted (local trials)
   * @param bodySignatureHeader the header that carries {@code sha256=<hex>} over the body alone
   * @param clock the time that {@code webhook-timestamp} is compared with
   */
  public WebhookSignatureVerifier(
      List<WebhookSecret> secrets,
      Duration tolerance,
      boolean allowUnsigned,
      String bodySignatureHeader,
      Clock clock) {
    if (secrets.isEmpty() && !allowUnsigned) {
      throw new IllegalArgumentException("at least one secret is required unless unsigned is on");
    }
    this.secrets = List.copyOf(secrets);
    this.tolerance = tolerance;
    this.allowUnsigned = allowUnsigned;
    this.bodySignatureHeader = bodySignatureHeader;
    this.clock = clock;
  }

  /**
   * Verifies one delivery by its request headers; see {@link #verify(SignatureHeaders, byte[])}.
   */
  public SignatureScheme verify(HttpHeaders headers, byte[] body) {
    return verify(SignatureHeaders.from(headers, bodySignatureHeader), body);
  }

  /**
   * Verifies one delivery.
   *
   * @return the scheme that proved the delivery, {@link SignatureScheme#UNSIGNED} when unsigned
   *     deliveries are allowed and this one carries no signature header
   * @throws InvalidSignatureException if the signature is missing, wrong or stale
   * @throws BodyNotUtf8Exception if a Standard Webhooks delivery's body is not UTF-8, so that its
   *     signature cannot be checked
   */
  public SignatureScheme verify(SignatureHeaders headers, byte[] body) {
    if (headers.usesStandardWebhooks()) {
      verifyStandardWebhooks(headers, body);
      return SignatureScheme.STANDARD_WEBHOOKS;
    }
    if (headers.bodySignature() != null) {
      verifyBodySignature(headers.bodySignature(), body);
      return SignatureScheme.BODY_HMAC;
    }
    if (allowUnsigned) {
      log.warn(
          "Accepted an UNSIGNED webhook delivery because leads.webhook.allow-unsigned=true;"
              + " never run like this outside a local trial");
      return SignatureScheme.UNSIGNED;
    }
    throw new InvalidSignatureException(
        "The request carries no signature: send webhook-id, webhook-timestamp and"
            + " webhook-signature (Standard Webhooks), or "
            + bodySignatureHeader
            + ".");
  }

  private void verifyStandardWebhooks(SignatureHeaders headers, byte[] body) {
    String id = required(headers.webhookId(), Webhook.UNBRANDED_MSG_ID_KEY);
    String timestamp = required(headers.webhookTimestamp(), Webhook.UNBRANDED_MSG_TIMESTAMP_KEY);
    String signatures = required(headers.webhookSignature(), Webhook.UNBRANDED_MSG_SIGNATURE_KEY);
    long sentAt = checkTimestamp(timestamp);
    String payload = utf8(body);
    List<byte[]> presented =
        Arrays.stream(signatures.split(" +")).map(WebhookSignatureVerifier::bytes).toList();
    for (WebhookSecret secret : secrets) {
      byte[] expected = bytes(secret.signStandardWebhooks(id, sentAt, payload));
      if (presented.stream().anyMatch(candidate -> MessageDigest.isEqual(expected, candidate))) {
        return;
      }
    }
    throw new InvalidSignatureException(
        "The webhook-signature header has no v1 signature that matches the body with a"
            + " configured secret.");
  }

  private void verifyBodySignature(String header, byte[] body) {
    String value = header.strip();
    if (!value.startsWith(SHA256_PREFIX)
        || !HEX_SHA256.matcher(value.substring(SHA256_PREFIX.length())).matches()) {
      throw new InvalidSignatureException(
          "The " + bodySignatureHeader + " header is not of the form sha256=<64 hex digits>.");
    }
    byte[] presented = HexFormat.of().parseHex(value.substring(SHA256_PREFIX.length()));
    for (WebhookSecret secret : secrets) {
      if (MessageDigest.isEqual(secret.signBody(body), presented)) {
        return;
      }
    }
    throw new InvalidSignatureException(
        "The " + bodySignatureHeader + " header does not match the body with a configured secret.");
  }

  /** The signing time, if it is unix seconds within the tolerance of now. */
  private long checkTimestamp(String timestamp) {
    if (!UNIX_SECONDS.matcher(timestamp).matches()) {
      throw new InvalidSignatureException(
          "The webhook-timestamp header is not a unix timestamp in seconds.");
    }
    long seconds = Long.parseLong(timestamp);
    Instant sentAt = Instant.ofEpochSecond(seconds);
    Instant now = clock.instant();
    if (sentAt.isBefore(now.minus(tolerance))) {
      throw new InvalidSignatureException(
          "The webhook-timestamp is stale: more than "
              + readable(tolerance)
              + " before the server's time.");
    }
    if (sentAt.isAfter(now.plus(tolerance))) {
      throw new InvalidSignatureException(
          "The webhook-timestamp is in the future: more than "
              + readable(tolerance)
              + " after the server's time.");
    }
    return seconds;
  }

  /**
   * The body as the text the library signs. The library encodes its payload as UTF-8, so only a
   * body that is exactly the UTF-8 encoding of a text can be checked with it.
   */
  private static String utf8(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (!Arrays.equals(bytes(text), body)) {
      throw new BodyNotUtf8Exception();
    }
    return text;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String readable(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static String required(String value, String header) {
    if (value == null || value.isBlank()) {
      throw new InvalidSignatureException("The " + header + " header is missing.");
    }
    return value.strip();
  }
}
