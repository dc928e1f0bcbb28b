package com.leadprocessor.api.erasure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA256, hex) of a normalised email: the {@code LeadEmailHash} search
 * attribute, with which an operator finds one person's leads without the address being stored in
 * visibility. Keyed, so that someone who reads visibility cannot test guessed addresses against it.
 * Normalised by trimming and lower-casing, so that {@code Jane.Doe@Example.com } and {@code
 * jane.doe@example.com} find the same leads.
 */
public final class EmailHash {

  static final int MIN_KEY_LENGTH = 32;
  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec key;

  private EmailHash(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * @throws InvalidEmailHashKeyException when the key is missing or shorter than {@value
   *     #MIN_KEY_LENGTH} characters
   */
  public static EmailHash of(ErasureProperties properties) {
    String secret = properties.emailHashKey();
    if (secret == null || secret.isBlank()) {
      throw new InvalidEmailHashKeyException("leads.erasure.email-hash-key is not set.");
    }
    if (secret.strip().length() < MIN_KEY_LENGTH) {
      throw new InvalidEmailHashKeyException(
          "leads.erasure.email-hash-key is shorter than " + MIN_KEY_LENGTH + " characters.");
    }
    return new EmailHash(new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), HMAC));
  }

  /** The hash of {@code email}, or empty text for an absent one. */
  public String of(String email) {
    if (email == null || email.isBlank()) {
      return "";
    }
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return HexFormat.of()
          .formatHex(
              mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
    }
  }
}
