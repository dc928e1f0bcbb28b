package com.leadprocessor.api;

import com.leadprocessor.api.signature.TestSignatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Sends deliveries to the running app over real HTTP, signed as a chatbot signs them. */
public final class SignedDeliveries {

  public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;

  public SignedDeliveries(int port) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/webhooks/lead-capture");
  }

  /** A request with fresh Standard Webhooks headers over {@code body}. */
  public HttpRequest signed(String body) {
    String id = "msg_" + UUID.randomUUID();
    long timestamp = Instant.now().getEpochSecond();
    return request(body)
        .header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", TestSignatures.standardWebhooks(SECRET, id, timestamp, body))
        .build();
  }

  public HttpRequest unsigned(String body) {
    return request(body).build();
  }

  public HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpClient client() {
    return http;
  }

  private HttpRequest.Builder request(String body) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }
}
