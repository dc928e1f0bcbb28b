package com.leadprocessor.connector.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.force.api.ApiConfig;
import com.force.api.ApiException;
import com.force.api.ApiSession;
import com.force.api.ForceApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Upserts Leads by external id through force-rest-api, renewing the session once when Salesforce
 * answers {@code 401 INVALID_SESSION_ID}, inside the same call, so an expired token never costs a
 * Temporal retry.
 *
 * <p>The upsert is a {@code PATCH} sent by {@link SalesforceHttp}, not force-rest-api's {@code
 * ForceApi.createOrUpdateSObject}: that method returns neither the Lead's Id nor lets us send
 * {@code Sforce-Auto-Assign}, and its transport cannot read a {@code 300}. The Id lookup after an
 * old API version's {@code 204} uses {@link ForceApi#get} with our {@link ApiSession}.
 */
public class SalesforceLeadClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SalesforceSession sessions;
  private final SalesforceHttp http;
  private final ApiConfig apiConfig;

  public SalesforceLeadClient(SalesforceProperties properties, SalesforceSession sessions) {
    this.sessions = sessions;
    this.http = new SalesforceHttp(properties.timeout());
    int timeoutMillis = (int) properties.timeout().toMillis();
    this.apiConfig =
        new ApiConfig()
            .setLoginEndpoint(properties.loginEndpoint())
            .setApiVersionString("v" + properties.apiVersion())
            .setRequestTimeout(timeoutMillis);
  }

  /**
   * The Lead as Salesforce holds it after the upsert.
   *
   * @param instanceUrl the org's instance URL, for links to the Lead
   */
  public record Upserted(String id, boolean created, String instanceUrl) {}

  /**
   * Creates or updates the Lead with this external id.
   *
   * @throws SalesforceApiException when Salesforce answers with an error status (after one session
   *     renewal for a 401)
   * @throws io.temporal.failure.ApplicationFailure when Salesforce cannot be reached or refuses our
   *     client credentials
   */
  public Upserted upsert(SalesforceLeadUpsert upsert) {
    byte[] body = json(upsert.body());
    Upserted upserted = sessions.withRenewal(session -> send(session, upsert, body));
    if (upserted.id() != null) {
      return upserted;
    }
    // API versions before 46.0 answer an update with 204 and no body: ask for the Id.
    return sessions.withRenewal(
        session -> new Upserted(lookUpId(session, upsert), false, session.getApiEndpoint()));
  }

  /** The org's instance URL, from the current session. */
  public String instanceUrl() {
    return sessions.current().getApiEndpoint();
  }

  private Upserted send(ApiSession session, SalesforceLeadUpsert upsert, byte[] body) {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(session.getApiEndpoint() + upsert.path()))
                .header("Authorization", "Bearer " + session.getAccessToken())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Sforce-Auto-Assign", upsert.autoAssign() ? "TRUE" : "FALSE")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)),
            "the Lead upsert");
    int status = response.statusCode();
    if (status == 204) {
      return new Upserted(null, false, session.getApiEndpoint());
    }
    if (status == 200 || status == 201) {
      JsonNode result = parse(response.body());
      String id = result.path("id").asText(null);
      if (id != null) {
        boolean created =
            result.has("created") ? result.path("created").asBoolean() : status == 201;
        return new Upserted(id, created, session.getApiEndpoint());
      }
    }
    throw new SalesforceApiException(status, response.body());
  }

  private String lookUpId(ApiSession session, SalesforceLeadUpsert upsert) {
    ForceApi api = new ForceApi(apiConfig, session);
    try {
      Map<?, ?> record = api.get(upsert.resourcePath() + "?fields=Id").asMap();
      Object id = record.get("Id");
      if (id == null) {
        throw new SalesforceApiException(200, "No Id in the Lead: " + record);
      }
      return id.toString();
    } catch (ApiException refused) {
      throw new SalesforceApiException(refused.getCode(), refused.getMessage());
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException io) {
        throw SalesforceFailures.unreachable("the Lead Id lookup", io);
      }
      throw e;
    }
  }

  private static byte[] json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings always serialises", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }
}
