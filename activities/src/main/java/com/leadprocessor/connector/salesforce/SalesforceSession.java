package com.leadprocessor.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.force.api.ApiSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's Salesforce session: an access token and instance URL from the OAuth 2.0 client
 * credentials flow ({@code POST <login-url>/services/oauth2/token}), fetched on first use, shared
 * by every activity thread, and renewed when Salesforce says it expired.
 *
 * <p>force-rest-api's {@code Auth} knows the password, SOAP and web-server flows but not client
 * credentials, so the token is requested here and handed on as force-rest-api's {@link ApiSession}.
 * Neither the token nor the secret is ever logged.
 */
public class SalesforceSession {

  private static final Logger log = LoggerFactory.getLogger(SalesforceSession.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SalesforceProperties properties;
  private final SalesforceHttp http;
  private ApiSession current; // guarded by this

  public SalesforceSession(SalesforceProperties properties) {
    this(properties, new SalesforceHttp(properties.timeout()));
  }

  SalesforceSession(SalesforceProperties properties, SalesforceHttp http) {
    this.properties = properties;
    this.http = http;
  }

  /** The cached session, fetched first if there is none. */
  public synchronized ApiSession current() {
    if (current == null) {
      current = fetch();
    }
    return current;
  }

  /**
   * A session to replace one Salesforce rejected. When another thread has already renewed it, that
   * newer session is returned, so a burst of leads hitting an expired token renews it once.
   */
  public synchronized ApiSession renew(ApiSession rejected) {
    if (current == null || current == rejected) {
      current = fetch();
    }
    return current;
  }

  /**
   * Runs a call with the current session and, when Salesforce answers 401 (the session expired or
   * was revoked), once more with a renewed one.
   */
  public <T> T withRenewal(Function<ApiSession, T> call) {
    ApiSession session = current();
    try {
      return call.apply(session);
    } catch (SalesforceApiException e) {
      if (e.status() != 401) {
        throw e;
      }
      log.info("Salesforce session expired ({}); renewing it once", e.errorCode());
      return call.apply(renew(session));
    }
  }

  private ApiSession fetch() {
    String form =
        "grant_type=client_credentials&client_id=%s&client_secret=%s"
            .formatted(encoded(properties.clientId()), encoded(properties.clientSecret()));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(properties.loginEndpoint() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)),
            "the token request");
    int status = response.statusCode();
    JsonNode body = json(response.body());
    if (status == 200 && body.hasNonNull("access_token") && body.hasNonNull("instance_url")) {
      String instanceUrl = body.get("instance_url").asText();
      log.info("Salesforce session issued for instance {}", instanceUrl);
      return new ApiSession(body.get("access_token").asText(), instanceUrl);
    }
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      throw SalesforceFailures.tokenRefused(
          status,
          body.path("error").asText("unknown_error"),
          body.path("error_description").asText(abbreviated(response.body())));
    }
    throw SalesforceFailures.tokenUnavailable(status, abbreviated(response.body()));
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value.strip(), StandardCharsets.UTF_8);
  }

  private static JsonNode json(String body) {
    try {
      return body == null ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  private static String abbreviated(String body) {
    if (body == null) {
      return "";
    }
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }
}
