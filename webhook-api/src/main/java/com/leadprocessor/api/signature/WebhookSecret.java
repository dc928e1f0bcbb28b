package com.leadprocessor.api.signature;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * One shared HMAC key. A configured value {@code whsec_<base64>} is a Standard Webhooks secret
 * whose key is the base64-decoded bytes; any other value is used as its UTF-8 bytes. The key never
 * appears in {@link #toString()}.
 */
public final class WebhookSecret {

  static final String STANDARD_WEBHOOKS_PREFIX = "whsec_";

  private final byte[] key;

  private WebhookSecret(byte[] key) {
    this.key = key;
  }

  /**
   * Parses a configured secret.
   *
   * @throws IllegalArgumentException if the value is blank, or starts with {@code whsec_} and the
   *     rest is not non-empty base64; the message never contains the value
   */
  public static WebhookSecret parse(String configured) {
    if (configured == null || configured.isBlank()) {
      throw new IllegalArgumentException("the secret is blank");
    }
    String value = configured.strip();
    if (!value.startsWith(STANDARD_WEBHOOKS_PREFIX)) {
      return new WebhookSecret(value.getBytes(StandardCharsets.UTF_8));
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.substring(STANDARD_WEBHOOKS_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the secret starts with whsec_ but the rest is not valid base64");
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("the secret starts with whsec_ but has no key after it");
    }
    return new WebhookSecret(key);
  }

  byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookSecret secret && Arrays.equals(key, secret.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "WebhookSecret[redacted]";
  }
}
