package com.leadprocessor.api.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a delivery's HMAC-SHA256 signature on the raw body, before anything parses it. Two
 * schemes are accepted, both with every configured secret so that a secret can be rotated without
 * downtime:
 *
 * <ul>
 *   <li><a href="https://www.standardwebhooks.com/">Standard Webhooks</a>: {@code
 *       webhook-signature} holds space-separated {@code v1,<base64>} entries over {@code
 *       id.timestamp.body}; any one valid entry passes, other versions are ignored, and a {@code
 *       webhook-timestamp} outside the tolerance is refused, which stops replays.
 *   <li>{@code X-Signature-256: sha256=<hex>} over the body alone, for senders that cannot sign
 *       more. Nothing in it limits replays: a replayed delivery is harmless only because the
 *       workflow id is derived from the conversation id, so it collapses onto the lead it already
 *       started.
 * </ul>
 *
 * When a delivery carries Standard Webhooks headers, only that scheme is checked. Every comparison
 * is constant-time.
 */
public final class WebhookSignatureVerifier {

  private static final Logger log = LoggerFactory.getLogger(WebhookSignatureVerifier.class);
  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final String SIGNATURE_VERSION = "v1";
  private static final String SHA256_PREFIX = "sha256=";
  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final List<WebhookSecret> secrets;
  private final Duration tolerance;
  private final boolean allowUnsigned;
  private final Clock clock;

  /**
   * @param secrets the active secrets; empty only when {@code allowUnsigned}
   * @param tolerance how far {@code webhook-timestamp} may be from now, in either direction
   * @param allowUnsigned whether a delivery without any signature header is accepted (local trials)
   * @param clock the time that {@code webhook-timestamp} is compared with
   */
  public WebhookSignatureVerifier(
      List<WebhookSecret> secrets, Duration tolerance, boolean allowUnsigned, Clock clock) {
    if (secrets.isEmpty() && !allowUnsigned) {
      throw new IllegalArgumentException("at least one secret is required unless unsigned is on");
    }
    this.secrets = List.copyOf(secrets);
    this.tolerance = tolerance;
    this.allowUnsigned = allowUnsigned;
    this.clock = clock;
  }

  /**
   * Verifies one delivery.
   *
   * @return the scheme that proved the delivery, {@link SignatureScheme#UNSIGNED} when unsigned
   *     deliveries are allowed and this one carries no signature header
   * @throws InvalidSignatureException if the signature is missing, wrong or stale
   */
  public SignatureScheme verify(SignatureHeaders headers, byte[] body) {
    if (headers.usesStandardWebhooks()) {
      verifyStandardWebhooks(headers, body);
      return SignatureScheme.STANDARD_WEBHOOKS;
    }
    if (headers.signature256() != null) {
      verifySignature256(headers.signature256(), body);
      return SignatureScheme.X_SIGNATURE_256;
    }
    if (allowUnsigned) {
      log.warn(
          "Accepted an UNSIGNED webhook delivery because leads.webhook.allow-unsigned=true;"
              + " never run like this outside a local trial");
      return SignatureScheme.UNSIGNED;
    }
    throw new InvalidSignatureException(
        "The request carries no signature: send webhook-id, webhook-timestamp and"
            + " webhook-signature (Standard Webhooks), or X-Signature-256.");
  }

  private void verifyStandardWebhooks(SignatureHeaders headers, byte[] body) {
    String id = required(headers.webhookId(), SignatureHeaders.WEBHOOK_ID);
    String timestamp = required(headers.webhookTimestamp(), SignatureHeaders.WEBHOOK_TIMESTAMP);
    String signatures = required(headers.webhookSignature(), SignatureHeaders.WEBHOOK_SIGNATURE);
    checkTimestamp(timestamp);
    byte[] signedPrefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    List<byte[]> presented = presentedV1Signatures(signatures);
    for (WebhookSecret secret : secrets) {
      byte[] expected = hmac(secret, signedPrefix, body);
      for (byte[] candidate : presented) {
        if (MessageDigest.isEqual(expected, candidate)) {
          return;
        }
      }
    }
    throw new InvalidSignatureException(
        "The webhook-signature header has no v1 signature that matches the body with a"
            + " configured secret.");
  }

  private void verifySignature256(String header, byte[] body) {
    String value = header.strip();
    if (!value.startsWith(SHA256_PREFIX)
        || !HEX_SHA256.matcher(value.substring(SHA256_PREFIX.length())).matches()) {
      throw new InvalidSignatureException(
          "The X-Signature-256 header is not of the form sha256=<64 hex digits>.");
    }
    byte[] presented = HexFormat.of().parseHex(value.substring(SHA256_PREFIX.length()));
    for (WebhookSecret secret : secrets) {
      if (MessageDigest.isEqual(hmac(secret, new byte[0], body), presented)) {
        return;
      }
    }
    throw new InvalidSignatureException(
        "The X-Signature-256 header does not match the body with a configured secret.");
  }

  private void checkTimestamp(String timestamp) {
    if (!UNIX_SECONDS.matcher(timestamp).matches()) {
      throw new InvalidSignatureException(
          "The webhook-timestamp header is not a unix timestamp in seconds.");
    }
    Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
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
  }

  private static String readable(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static List<byte[]> presentedV1Signatures(String header) {
    List<byte[]> signatures = new ArrayList<>();
    for (String entry : header.strip().split(" +")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals(SIGNATURE_VERSION)) {
        continue;
      }
      try {
        signatures.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
      } catch (IllegalArgumentException notBase64) {
        // A malformed entry cannot match; another entry still may.
      }
    }
    return signatures;
  }

  private static String required(String value, String header) {
    if (value == null || value.isBlank()) {
      throw new InvalidSignatureException("The " + header + " header is missing.");
    }
    return value.strip();
  }

  private static byte[] hmac(WebhookSecret secret, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(secret.key(), HMAC_SHA256));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is required by every Java runtime", e);
    }
  }
}
