package com.leadprocessor.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulation answers like Salesforce, seen from a plain HTTP client. */
class SalesforceEmulationTest {

  private static final String LEAD_PATH =
      "/services/data/v64.0/sobjects/Lead/Chatbot_Conversation_Id__c/";
  private static final String LEAD_BODY =
      "{\"LastName\":\"Lead\",\"Company\":\"Acme\",\"Email\":\"jane@acme.com\"}";

  private static SalesforceEmulation salesforce;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    salesforce = SalesforceEmulation.start();
  }

  @AfterAll
  static void stop() {
    salesforce.close();
  }

  @BeforeEach
  void reset() {
    salesforce.reset();
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(salesforce.baseUrl()).startsWith("http://127.0.0.1:");
  }

  @Test
  void clientCredentialsGrantIssuesATokenForTheInstance() throws Exception {
    HttpResponse<String> response = token(SalesforceEmulation.CLIENT_SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"access_token\":\"00D5e0000000Emu!")
        .contains("\"instance_url\":\"" + salesforce.baseUrl() + "\"");
    assertThat(salesforce.tokenRequests())
        .singleElement()
        .satisfies(
            request ->
                assertThat(request.form())
                    .containsEntry("grant_type", "client_credentials")
                    .containsEntry("client_id", SalesforceEmulation.CLIENT_ID));
  }

  @Test
  void wrongSecretIsAnInvalidClient() throws Exception {
    HttpResponse<String> response = token("wrong");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}");
  }

  @Test
  void upsertCreatesThenUpdatesTheSameLead() throws Exception {
    String token = accessToken();

    HttpResponse<String> first = patch(token, "conv-1", LEAD_BODY);
    HttpResponse<String> second =
        patch(token, "conv-1", "{\"LastName\":\"Lead\",\"Company\":\"Acme Corp\"}");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body())
        .isEqualTo(
            "{\"id\":\"00Q5e0000000001AAA\",\"success\":true,\"errors\":[],\"created\":true}");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("\"created\":false");
    assertThat(salesforce.leads())
        .singleElement()
        .satisfies(
            lead ->
                assertThat(lead.fields())
                    .containsEntry("Chatbot_Conversation_Id__c", "conv-1")
                    .containsEntry("Company", "Acme Corp"));
    assertThat(salesforce.upsertRequests()).hasSize(2);
  }

  @Test
  void oldApiVersionsAnswerAnUpdateWith204AndTheIdComesFromALookup() throws Exception {
    String token = accessToken();
    String oldPath = "/services/data/v45.0/sobjects/Lead/Chatbot_Conversation_Id__c/conv-1";
    send(token, "PATCH", oldPath, LEAD_BODY);

    HttpResponse<String> update = send(token, "PATCH", oldPath, LEAD_BODY);
    HttpResponse<String> lookup = send(token, "GET", oldPath + "?fields=Id", null);

    assertThat(update.statusCode()).isEqualTo(204);
    assertThat(lookup.body())
        .isEqualTo(
            "{\"attributes\":{\"type\":\"Lead\",\"url\":\"/services/data/v45.0/sobjects/Lead/"
                + "00Q5e0000000001AAA\"},\"Id\":\"00Q5e0000000001AAA\"}");
  }

  @Test
  void expiredTokenIsAnInvalidSession() throws Exception {
    String token = accessToken();
    salesforce.expireTokens();

    HttpResponse<String> response = patch(token, "conv-1", LEAD_BODY);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo(
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
  }

  @Test
  void missingCompanyIsARequiredFieldError() throws Exception {
    HttpResponse<String> response =
        patch(accessToken(), "conv-1", "{\"LastName\":\"Lead\",\"Email\":\"jane@acme.com\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "[{\"message\":\"Required fields are missing: [Company]\",\"errorCode\":"
                + "\"REQUIRED_FIELD_MISSING\",\"fields\":[\"Company\"]}]");
    assertThat(salesforce.leads()).isEmpty();
  }

  @Test
  void outageHealsAfterTheGivenNumberOfRequests() throws Exception {
    String token = accessToken();
    salesforce.outage(2);

    assertThat(patch(token, "conv-1", LEAD_BODY).statusCode()).isEqualTo(503);
    assertThat(patch(token, "conv-1", LEAD_BODY).statusCode()).isEqualTo(503);
    assertThat(patch(token, "conv-1", LEAD_BODY).statusCode()).isEqualTo(201);
  }

  @Test
  void twoLeadsWithTheSameExternalIdAreMultipleChoices() throws Exception {
    salesforce.seedLead(Map.of("Chatbot_Conversation_Id__c", "conv-1", "LastName", "A"));
    salesforce.seedLead(Map.of("Chatbot_Conversation_Id__c", "conv-1", "LastName", "B"));

    HttpResponse<String> response = patch(accessToken(), "conv-1", LEAD_BODY);

    assertThat(response.statusCode()).isEqualTo(300);
    assertThat(response.body())
        .isEqualTo(
            "[\"/services/data/v64.0/sobjects/Lead/00Q5e0000000001AAA\","
                + "\"/services/data/v64.0/sobjects/Lead/00Q5e0000000002AAA\"]");
  }

  @Test
  void duplicateRuleNamesTheExistingLeadWithTheSameEmail() throws Exception {
    String existing =
        salesforce.seedLead(Map.of("LastName", "Doe", "Company", "Acme", "Email", "jane@acme.com"));
    salesforce.duplicateRuleOnEmail(true);

    HttpResponse<String> response = patch(accessToken(), "conv-1", LEAD_BODY);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .startsWith("[{\"duplicateResult\":{\"allowSave\":false,")
        .contains("\"record\":{\"attributes\":{\"type\":\"Lead\"")
        .contains("\"Id\":\"" + existing + "\"")
        .contains("\"errorCode\":\"DUPLICATES_DETECTED\"");
  }

  @Test
  void postWithHttpMethodOverrideIsAnUpsert() throws Exception {
    HttpResponse<String> response =
        send(accessToken(), "POST", LEAD_PATH + "conv-1?_HttpMethod=PATCH", LEAD_BODY);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(salesforce.upsertRequests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("PATCH");
              assertThat(request.path()).isEqualTo(LEAD_PATH + "conv-1");
              assertThat(request.body()).containsEntry("Company", "Acme");
            });
  }

  @Test
  void queuedRejectionAnswersTheNextUpsertOnly() throws Exception {
    String token = accessToken();
    salesforce.rejectNextWith(SalesforceEmulationRejection.requestLimitExceeded());

    HttpResponse<String> refused = patch(token, "conv-1", LEAD_BODY);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body())
        .isEqualTo(
            "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
    assertThat(patch(token, "conv-1", LEAD_BODY).statusCode()).isEqualTo(201);
  }

  @Test
  void userQueryAnswersWithTheActiveUserInTheQueryShape() throws Exception {
    String token = accessToken();
    salesforce.addUser("0055e000001AbCdAAK", "Jane@Acme-Sales.com", true);
    salesforce.addUser("0055e000009InActAA", "jane@acme-sales.com", false);
    String soql = "SELECT Id FROM User WHERE Email = 'jane@acme-sales.com' AND IsActive = true";

    HttpResponse<String> found =
        send(
            token,
            "GET",
            "/services/data/v64.0/query/?q="
                + java.net.URLEncoder.encode(soql, java.nio.charset.StandardCharsets.UTF_8),
            null);
    HttpResponse<String> other =
        send(token, "GET", "/services/data/v64.0/query?q=SELECT+Id+FROM+Lead", null);

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .isEqualTo(
            "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"User\","
                + "\"url\":\"/services/data/v64.0/sobjects/User/0055e000001AbCdAAK\"},"
                + "\"Id\":\"0055e000001AbCdAAK\"}]}");
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.body()).contains("MALFORMED_QUERY");
    assertThat(salesforce.queries()).first().isEqualTo(soql);
  }

  @Test
  void leadOwnerUpdateAnswers204OrInvalidCrossReferenceKey() throws Exception {
    String token = accessToken();
    String leadId = salesforce.seedLead(Map.of("LastName", "Lead", "Company", "Acme"));
    salesforce.addUser("0055e000001AbCdAAK", "jane@acme-sales.com", true);
    String path = "/services/data/v64.0/sobjects/Lead/" + leadId;

    HttpResponse<String> assigned =
        send(token, "PATCH", path, "{\"OwnerId\":\"0055e000001AbCdAAK\"}");
    HttpResponse<String> unknownOwner =
        send(token, "PATCH", path, "{\"OwnerId\":\"0055e000000NoOneAA\"}");
    salesforce.expireTokens();
    HttpResponse<String> expired =
        send(token, "PATCH", path, "{\"OwnerId\":\"0055e000001AbCdAAK\"}");

    assertThat(assigned.statusCode()).isEqualTo(204);
    assertThat(unknownOwner.statusCode()).isEqualTo(400);
    assertThat(unknownOwner.body())
        .isEqualTo(
            "[{\"message\":\"invalid cross reference id\",\"errorCode\":"
                + "\"INVALID_CROSS_REFERENCE_KEY\",\"fields\":[\"OwnerId\"]}]");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(salesforce.leads().get(0).fields()).containsEntry("OwnerId", "0055e000001AbCdAAK");
    assertThat(salesforce.ownerUpdates()).hasSize(3);
  }

  private String accessToken() throws Exception {
    String body = token(SalesforceEmulation.CLIENT_SECRET).body();
    int start = body.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
    return body.substring(start, body.indexOf('"', start));
  }

  private HttpResponse<String> token(String secret) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/services/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id="
                        + SalesforceEmulation.CLIENT_ID
                        + "&client_secret="
                        + secret))
            .build(),
        BodyHandlers.ofString());
  }

  private HttpResponse<String> patch(String token, String conversationId, String body)
      throws IOException, InterruptedException {
    return send(token, "PATCH", LEAD_PATH + conversationId, body);
  }

  private HttpResponse<String> send(String token, String method, String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }
}
