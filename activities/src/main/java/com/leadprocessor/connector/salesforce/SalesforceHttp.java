package com.leadprocessor.connector.salesforce;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP client for the token and upsert requests: bounded connect and response timeouts, no
 * redirects (a {@code 300} is an answer to read, not to follow), and "no answer" turned into a
 * retryable failure.
 *
 * <p>These two requests do not go through force-rest-api's {@code Http}: its {@code
 * HttpURLConnection} cannot send {@code PATCH}, and it cannot read the body of a {@code 300
 * Multiple Choices} (the error stream is null below 400, so it fails with "Stream closed"), which
 * would turn a duplicate into an apparent outage.
 */
final class SalesforceHttp {

  private final HttpClient client;
  private final Duration timeout;

  SalesforceHttp(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * @param what what is being sent, for the failure message, for example {@code the Lead upsert}
   */
  HttpResponse<String> send(HttpRequest.Builder request, String what) {
    try {
      return client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw SalesforceFailures.unreachable(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SalesforceFailures.unreachable(what, new IOException("interrupted", e));
    }
  }
}
