package com.leadprocessor.connector.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.force.api.ApiConfig;
import com.force.api.ApiException;
import com.force.api.ApiSession;
import com.force.api.ApiTokenException;
import com.force.api.ForceApi;
import com.force.api.QueryResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Salesforce users by email and makes one the owner of a Lead. The query goes through
 * force-rest-api's {@link ForceApi#query}; the owner change is a {@code PATCH} of the Lead sent by
 * {@link SalesforceHttp}, because force-rest-api's transport cannot send {@code PATCH}. A {@code
 * 401 INVALID_SESSION_ID} renews the session once, inside the call.
 */
class SalesforceOwnerClient {

  private static final Logger log = LoggerFactory.getLogger(SalesforceOwnerClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SalesforceProperties properties;
  private final SalesforceSession sessions;
  private final SalesforceHttp http;
  private final ApiConfig apiConfig;

  SalesforceOwnerClient(SalesforceProperties properties, SalesforceSession sessions) {
    this.properties = properties;
    this.sessions = sessions;
    this.http = new SalesforceHttp(properties.timeout());
    this.apiConfig =
        new ApiConfig()
            .setLoginEndpoint(properties.loginEndpoint())
            .setApiVersionString("v" + properties.apiVersion())
            .setRequestTimeout((int) properties.timeout().toMillis());
  }

  /** The SOQL that finds the active user with this email, the email escaped as SOQL wants. */
  static String activeUserByEmail(String email) {
    String escaped = email.replace("\\", "\\\\").replace("'", "\\'");
    return "SELECT Id FROM User WHERE Email = '" + escaped + "' AND IsActive = true";
  }

  /** The Id of the active Salesforce user with this email, if there is exactly one. */
  Optional<String> activeUserIdByEmail(String email) {
    String soql = activeUserByEmail(email);
    List<Map> records = sessions.withRenewal(session -> query(session, soql));
    if (records.size() != 1) {
      if (records.size() > 1) {
        log.warn(
            "{} active Salesforce users share the claimer's email; none chosen", records.size());
      }
      return Optional.empty();
    }
    Object id = records.get(0).get("Id");
    return id == null ? Optional.empty() : Optional.of(id.toString());
  }

  /** Makes the user or queue the Lead's owner. */
  void assignOwner(String leadId, String ownerId) {
    byte[] body = json(Map.of("OwnerId", ownerId));
    sessions.withRenewal(session -> patch(session, leadId, body));
  }

  private List<Map> query(ApiSession session, String soql) {
    try {
      QueryResult<Map> result = new ForceApi(apiConfig, session).query(soql);
      return result.getRecords() == null ? List.of() : result.getRecords();
    } catch (ApiTokenException expired) {
      throw new SalesforceApiException(401, expired.getMessage());
    } catch (ApiException refused) {
      throw new SalesforceApiException(refused.getCode(), refused.getMessage());
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException io) {
        throw SalesforceFailures.unreachable("the User query", io);
      }
      throw e;
    }
  }

  private Void patch(ApiSession session, String leadId, byte[] body) {
    String path =
        "/services/data/v%s/sobjects/Lead/%s"
            .formatted(properties.apiVersion(), URLEncoder.encode(leadId, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(session.getApiEndpoint() + path))
                .header("Authorization", "Bearer " + session.getAccessToken())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)),
            "the Lead owner update");
    if (response.statusCode() == 204 || response.statusCode() == 200) {
      return null;
    }
    throw new SalesforceApiException(response.statusCode(), response.body());
  }

  private static byte[] json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings always serialises", e);
    }
  }
}
