package com.leadprocessor.connector.salesforce;

import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.exampleRequest;
import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.liveAgainst;
import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.request;
import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.upsertOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SalesforceEmulationRejection;
import com.leadprocessor.workflow.lead.LeadFailureType;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way Salesforce can refuse or fail, as the workflow sees it: retryable or not, the failure
 * type, and Salesforce's own words in the message the reviewer reads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SalesforceFailureClassificationTest {

  private static SalesforceEmulation salesforce;
  private LiveSalesforceLeadActivities activities;

  @BeforeAll
  static void startSalesforce() {
    salesforce = SalesforceEmulation.start();
  }

  @AfterAll
  static void stopSalesforce() {
    salesforce.close();
  }

  @BeforeEach
  void freshOrg() {
    salesforce.reset();
    activities = LiveSalesforceLeadActivities.of(liveAgainst(salesforce));
  }

  static Stream<Arguments> refusalsOfTheLeadsData() {
    return Stream.of(
        Arguments.of(
            SalesforceEmulationRejection.error(
                400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Company]", "Company"),
            "400 REQUIRED_FIELD_MISSING: Required fields are missing: [Company] (fields: Company)"),
        Arguments.of(
            SalesforceEmulationRejection.error(
                400,
                "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                "Leads from the chatbot need a business email",
                "Email"),
            "400 FIELD_CUSTOM_VALIDATION_EXCEPTION: Leads from the chatbot need a business email"
                + " (fields: Email)"),
        Arguments.of(
            SalesforceEmulationRejection.error(
                400,
                "STRING_TOO_LONG",
                "Company: data value too large: Acme (max length=3)",
                "Company"),
            "400 STRING_TOO_LONG: Company: data value too large: Acme (max length=3) (fields:"
                + " Company)"));
  }

  @ParameterizedTest
  @MethodSource("refusalsOfTheLeadsData")
  void refusalOfTheLeadsDataGoesToReviewWithSalesforcesWords(
      SalesforceEmulationRejection rejection, String salesforceText) {
    salesforce.rejectNextWith(rejection);

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(LeadFailureType.INVALID_LEAD_DATA.name());
    assertThat(failure.getOriginalMessage())
        .isEqualTo("Salesforce refused the Lead: " + salesforceText);
  }

  @Test
  void invalidEmailIsInvalidLeadDataNamingTheAddress() {
    ApplicationFailure failure = failureOf(request("conv-1", "jane@@acme"));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("INVALID_LEAD_DATA");
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Salesforce refused the Lead: 400 INVALID_EMAIL_ADDRESS: Email: invalid email address:"
                + " jane@@acme (fields: Email)");
    assertThat(salesforce.leads()).isEmpty();
  }

  @Test
  void unknownMappedFieldIsAConfigurationError() {
    SalesforceFieldMapping standard = SalesforceFieldMapping.standard();
    activities =
        LiveSalesforceLeadActivities.of(
            liveAgainst(salesforce)
                .withFields(
                    new SalesforceFieldMapping(
                        standard.email(),
                        standard.firstName(),
                        standard.lastName(),
                        standard.company(),
                        standard.leadSource(),
                        standard.description(),
                        "Chatbot_Question__c",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("CONFIGURATION");
    assertThat(failure.getOriginalMessage())
        .contains(
            "400 INVALID_FIELD: No such column 'Chatbot_Question__c' on sobject of type Lead");
  }

  @Test
  void externalIdFieldMissingFromTheOrgIsAConfigurationError() {
    SalesforceProperties wrongField =
        new SalesforceProperties(
            "live",
            salesforce.baseUrl(),
            SalesforceEmulation.CLIENT_ID,
            SalesforceEmulation.CLIENT_SECRET,
            "64.0",
            "Conversation_Key__c",
            "Chatbot",
            null,
            Duration.ofSeconds(2),
            null);
    activities = LiveSalesforceLeadActivities.of(wrongField);

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("CONFIGURATION");
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Salesforce refused the Lead: 404 NOT_FOUND: The requested resource does not exist"
                + " (is Conversation_Key__c an External ID field on Lead, visible to the"
                + " integration user?)");
  }

  @Test
  void severalLeadsWithTheConversationIdAreADuplicateForReview() {
    String first = salesforce.seedLead(Map.of(SalesforceEmulation.EXTERNAL_ID_FIELD, "conv-12345"));
    String second =
        salesforce.seedLead(Map.of(SalesforceEmulation.EXTERNAL_ID_FIELD, "conv-12345"));

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("DUPLICATE");
    assertThat(failure.getOriginalMessage())
        .startsWith(
            "Salesforce answered 300 Multiple Choices: 2 Leads have Chatbot_Conversation_Id__c ="
                + " conv-12345")
        .contains("/sobjects/Lead/" + first, "/sobjects/Lead/" + second);
  }

  @Test
  void duplicateRuleNamingOneExistingLeadAttachesToIt() {
    String existing =
        salesforce.seedLead(
            Map.of("LastName", "Lead", "Company", "Acme", "Email", "potential.lead@example.com"));
    salesforce.duplicateRuleOnEmail(true);

    CrmLead lead = upsertOnce(activities, exampleRequest());

    assertThat(lead)
        .isEqualTo(
            new CrmLead(
                existing, salesforce.baseUrl() + "/lightning/r/Lead/" + existing + "/view", false));
    assertThat(salesforce.leads()).hasSize(1);
  }

  @Test
  void duplicateRuleNamingSeveralLeadsGoesToReview() {
    Map<String, Object> same =
        Map.of("LastName", "Lead", "Company", "Acme", "Email", "potential.lead@example.com");
    String first = salesforce.seedLead(same);
    String second = salesforce.seedLead(same);
    salesforce.duplicateRuleOnEmail(true);

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("DUPLICATE");
    assertThat(failure.getOriginalMessage())
        .startsWith(
            "Salesforce's duplicate rules blocked the Lead, matching Lead %s, Lead %s"
                .formatted(first, second))
        .contains("DUPLICATES_DETECTED: Use one of these records?");
  }

  @Test
  void sessionRejectedAgainAfterRenewalIsAnAuthenticationFailure() {
    salesforce.rejectAllSessions();

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("AUTHENTICATION");
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Salesforce rejected a freshly issued session: 401 INVALID_SESSION_ID: Session expired"
                + " or invalid");
    assertThat(salesforce.tokenRequests()).hasSize(2);
    assertThat(salesforce.upsertRequests()).hasSize(2);
  }

  @Test
  void refusedClientCredentialsAreAnAuthenticationFailure() {
    salesforce.refuseTokens("invalid_client", "invalid client credentials");

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("AUTHENTICATION");
    assertThat(failure.getOriginalMessage())
        .startsWith(
            "Salesforce refused the client credentials (400 invalid_client: invalid client"
                + " credentials)")
        .doesNotContain(SalesforceEmulation.CLIENT_SECRET);
    assertThat(salesforce.upsertRequests()).isEmpty();
  }

  @Test
  void invalidGrantIsAnAuthenticationFailure() {
    salesforce.refuseTokens("invalid_grant", "no client credentials user enabled");

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("AUTHENTICATION");
    assertThat(failure.getOriginalMessage())
        .contains("invalid_grant: no client credentials user enabled");
  }

  static Stream<Arguments> outages() {
    return Stream.of(
        Arguments.of(
            SalesforceEmulationRejection.unavailable(503), "Salesforce is unavailable: 503"),
        Arguments.of(
            SalesforceEmulationRejection.unavailable(502), "Salesforce is unavailable: 502"),
        Arguments.of(
            SalesforceEmulationRejection.internalError(),
            "Salesforce is unavailable: 500 UNKNOWN_EXCEPTION: An unexpected error occurred."),
        Arguments.of(
            SalesforceEmulationRejection.requestLimitExceeded(),
            "Salesforce is unavailable: 403 REQUEST_LIMIT_EXCEEDED: TotalRequests Limit"
                + " exceeded."),
        Arguments.of(
            SalesforceEmulationRejection.error(
                400, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record"),
            "Salesforce is unavailable: 400 UNABLE_TO_LOCK_ROW"));
  }

  @ParameterizedTest
  @MethodSource("outages")
  void outagesAndLimitsAreRetried(SalesforceEmulationRejection rejection, String message) {
    salesforce.rejectNextWith(rejection);

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("UNAVAILABLE");
    assertThat(failure.getOriginalMessage()).startsWith(message);
  }

  @Test
  void slowAnswerTimesOutAndIsRetried() {
    salesforce.slow(Duration.ofSeconds(4));

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("UNAVAILABLE");
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Salesforce did not answer the Lead upsert: HttpTimeoutException: request timed out");
  }

  @Test
  void refusedConnectionIsRetried() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    activities =
        LiveSalesforceLeadActivities.of(
            liveAgainst(salesforce)
                .withCredentials(
                    "http://127.0.0.1:" + closedPort,
                    SalesforceEmulation.CLIENT_ID,
                    SalesforceEmulation.CLIENT_SECRET));

    ApplicationFailure failure = failureOf(exampleRequest());

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("UNAVAILABLE");
    assertThat(failure.getOriginalMessage())
        .startsWith("Salesforce did not answer the token request: ConnectException");
  }

  private ApplicationFailure failureOf(CrmLeadRequest request) {
    ActivityFailure failure =
        catchThrowableOfType(ActivityFailure.class, () -> upsertOnce(activities, request));
    assertThat(failure).as("the activity failed").isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }
}
