package com.leadprocessor.e2e.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts lead-capture events to the webhook API as the chatbot does, signed with <a
 * href="https://www.standardwebhooks.com/">Standard Webhooks</a> headers: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature: v1,base64(HMAC-SHA256(key,
 * id.timestamp.body))}, the key being the base64-decoded part of a {@code whsec_} secret.
 */
public final class SignedWebhookClient {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI endpoint;
  private final byte[] key;

  public SignedWebhookClient(int apiPort, String secret) {
    this.endpoint = URI.create("http://127.0.0.1:" + apiPort + "/webhooks/lead-capture");
    this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
  }

  /** A fresh Standard Webhooks secret, {@code whsec_} and 32 random bytes in base64. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getEncoder().encodeToString(bytes);
  }

  /** A fresh message id; a redelivery of the same event reuses its id. */
  public static String newMessageId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "msg_" + HexFormat.of().formatHex(bytes);
  }

  /** Delivers {@code body} under message id {@code messageId}, signed now. */
  public Delivery deliver(String messageId, String body) {
    return send(signedHeaders(messageId, System.currentTimeMillis() / 1000, body), body);
  }

  /**
   * The Standard Webhooks headers (with {@code Content-Type}) of {@code body} under {@code
   * messageId}, signed as sent at {@code epochSecond}: to send exactly the same request again, or
   * one signed at another time.
   */
  public Map<String, String> signedHeaders(String messageId, long epochSecond, String body) {
    String timestamp = String.valueOf(epochSecond);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("webhook-id", messageId);
    headers.put("webhook-timestamp", timestamp);
    headers.put("webhook-signature", "v1," + sign(messageId + "." + timestamp + "." + body));
    return headers;
  }

  /** Posts {@code body} with exactly {@code headers}. */
  public Delivery send(Map<String, String> headers, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(builder::header);
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Delivery(
          response.statusCode(),
          response.body(),
          response
              .headers()
              .firstValue("Retry-After")
              .map(Long::parseLong)
              .map(Duration::ofSeconds));
    } catch (IOException e) {
      return new Delivery(-1, e.toString(), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private String sign(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
    }
  }

  /**
   * The API's answer.
   *
   * @param status the HTTP status, or -1 when the API could not be reached at all
   * @param retryAfter the {@code Retry-After} header of a 503
   */
  public record Delivery(int status, String body, Optional<Duration> retryAfter) {

    public boolean accepted() {
      return status == 202;
    }
  }
}
