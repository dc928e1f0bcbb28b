package com.leadprocessor.api.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test deliveries the way a sender does, independently of the verifier's code. */
public final class TestSignatures {

  private TestSignatures() {}

  /** {@code v1,<base64>} over {@code id.timestamp.body}, for a {@code whsec_} or plain secret. */
  public static String standardWebhooks(String secret, String id, long timestamp, String body) {
    return "v1,"
        + Base64.getEncoder().encodeToString(hmac(key(secret), id + "." + timestamp + "." + body));
  }

  /** {@code sha256=<hex>} over the body alone. */
  public static String signature256(String secret, String body) {
    return "sha256=" + HexFormat.of().formatHex(hmac(key(secret), body));
  }

  private static byte[] key(String secret) {
    return secret.startsWith("whsec_")
        ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
        : secret.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hmac(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
