package com.leadprocessor.api.slack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the clicker what became of a click: an ephemeral message (only they see it) posted to the
 * payload's {@code response_url}, which leaves the alert itself as it is. Redirects are not
 * followed, so an allowed host cannot send the call on to another; the URL is never logged, as it
 * is a credential for that message.
 */
final class EphemeralReplies {

  private static final Logger log = LoggerFactory.getLogger(EphemeralReplies.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** Posts the text; never throws, a failure is only logged, with the lead's workflow id. */
  void tell(URI responseUrl, String workflowId, String text) {
    String body =
        JSON.writeValueAsString(
            Map.of("response_type", "ephemeral", "replace_original", false, "text", text));
    HttpRequest request =
        HttpRequest.newBuilder(responseUrl)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                log.warn(
                    "Could not tell the clicker on lead {} what became of the click: {}",
                    workflowId,
                    failure.getClass().getSimpleName());
              } else if (response.statusCode() >= 300) {
                log.warn(
                    "Slack answered {} to the ephemeral reply on lead {}",
                    response.statusCode(),
                    workflowId);
              }
            });
  }
}
