package com.leadprocessor.api.signature;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One shared HMAC key. A configured value {@code whsec_<base64>} is a Standard Webhooks secret
 * whose key is the base64-decoded bytes; any other value is used as its UTF-8 bytes. The key never
 * appears in {@link #toString()}.
 *
 * <p>Standard Webhooks signatures are made by the official library; the body HMAC is made here
 * because the library signs only {@code id.timestamp.payload} and does not expose its key.
 */
public final class WebhookSecret {

  private static final String HMAC_SHA256 = "HmacSHA256";

  private final byte[] key;
  private final Webhook standardWebhooks;

  private WebhookSecret(byte[] key) {
    this.key = key;
    this.standardWebhooks = new Webhook(key);
  }

  /**
   * Parses a configured secret. The library's own {@code whsec_} parsing is not used: it would
   * base64-decode a plain secret too, and its errors do not say what is wrong.
   *
   * @throws IllegalArgumentException if the value is blank, or starts with {@code whsec_} and the
   *     rest is not non-empty base64; the message never contains the value
   */
  public static WebhookSecret parse(String configured) {
    if (configured == null || configured.isBlank()) {
      throw new IllegalArgumentException("the secret is blank");
    }
    String value = configured.strip();
    if (!value.startsWith(Webhook.SECRET_PREFIX)) {
      return new WebhookSecret(value.getBytes(StandardCharsets.UTF_8));
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.substring(Webhook.SECRET_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the secret starts with whsec_ but the rest is not valid base64");
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("the secret starts with whsec_ but has no key after it");
    }
    return new WebhookSecret(key);
  }

  /** The Standard Webhooks signature {@code v1,<base64>} of {@code id.timestamp.payload}. */
  String signStandardWebhooks(String id, long timestamp, String payload) {
    try {
      return standardWebhooks.sign(id, timestamp, payload);
    } catch (WebhookSigningException e) {
      throw new IllegalStateException("HMAC-SHA256 is required by every Java runtime", e);
    }
  }

  /** HMAC-SHA256 of the raw body alone. */
  byte[] signBody(byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key, HMAC_SHA256));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is required by every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSecret[redacted]";
  }
}
