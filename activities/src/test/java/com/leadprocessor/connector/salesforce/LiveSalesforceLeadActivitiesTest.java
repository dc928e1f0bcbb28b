package com.leadprocessor.connector.salesforce;

import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.exampleRequest;
import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.liveAgainst;
import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.request;
import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.routeWithOwner;
import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.upsertOnce;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SalesforceEmulation.UpsertRequest;
import com.leadprocessor.workflow.salesforce.CrmLead;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The live connector against the Salesforce emulation: what it sends, and what it makes of it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(OutputCaptureExtension.class)
class LiveSalesforceLeadActivitiesTest {

  private static final String LEAD_PATH =
      "/services/data/v64.0/sobjects/Lead/Chatbot_Conversation_Id__c/";

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

  @Test
  void exampleLeadIsUpsertedByConversationIdWithTheFieldsAndAssignmentRules() {
    CrmLead lead = upsertOnce(activities, exampleRequest());

    String id = salesforce.lead("conv-12345").orElseThrow().id();
    assertThat(lead)
        .isEqualTo(
            new CrmLead(id, salesforce.baseUrl() + "/lightning/r/Lead/" + id + "/view", true));
    UpsertRequest upsert = salesforce.upsertRequests().get(0);
    assertThat(upsert.method()).isEqualTo("PATCH");
    assertThat(upsert.path()).isEqualTo(LEAD_PATH + "conv-12345");
    assertThat(upsert.header("Authorization")).matches("Bearer 00D5e0000000Emu!\\w+");
    assertThat(upsert.header("Sforce-Auto-Assign")).isEqualTo("TRUE");
    assertThat(upsert.header("Content-Type")).isEqualTo("application/json");
    assertThat(upsert.body())
        .containsOnlyKeys("Email", "FirstName", "LastName", "Company", "LeadSource", "Description")
        .containsEntry("Email", "potential.lead@example.com")
        .containsEntry("FirstName", "Potential")
        .containsEntry("LastName", "Lead")
        .containsEntry("Company", "Acme Corp")
        .containsEntry("LeadSource", "Chatbot");
    assertThat((String) upsert.body().get("Description"))
        .startsWith("Question: " + ExampleLead.QUESTION)
        .contains("Source page: /pricing/enterprise");
  }

  @Test
  void tokenIsFetchedOnceWithClientCredentialsAndReusedAcrossLeads() {
    upsertOnce(activities, request("conv-1", "ann@acme.com"));
    upsertOnce(activities, request("conv-2", "bob@acme.com"));

    assertThat(salesforce.tokenRequests())
        .singleElement()
        .satisfies(
            token ->
                assertThat(token.form())
                    .isEqualTo(
                        Map.of(
                            "grant_type", "client_credentials",
                            "client_id", SalesforceEmulation.CLIENT_ID,
                            "client_secret", SalesforceEmulation.CLIENT_SECRET)));
    assertThat(salesforce.upsertRequests())
        .extracting(upsert -> upsert.header("Authorization"))
        .containsOnly(salesforce.upsertRequests().get(0).header("Authorization"));
    assertThat(salesforce.leads()).hasSize(2);
  }

  @Test
  void retryOfTheSameLeadUpdatesItAndNeverMakesASecond() {
    CrmLead first = upsertOnce(activities, exampleRequest());
    CrmLead retried = upsertOnce(activities, exampleRequest());

    assertThat(retried.id()).isEqualTo(first.id());
    assertThat(first.created()).isTrue();
    assertThat(retried.created()).isFalse();
    assertThat(salesforce.leads()).hasSize(1);
    assertThat(salesforce.upsertRequests())
        .extracting(UpsertRequest::path)
        .containsExactly(LEAD_PATH + "conv-12345", LEAD_PATH + "conv-12345");
  }

  @Test
  void oldApiVersionAnswersAnUpdateWith204AndTheIdIsLookedUp() {
    activities = LiveSalesforceLeadActivities.of(liveAgainst(salesforce).withApiVersion("45.0"));
    CrmLead created = upsertOnce(activities, exampleRequest());

    CrmLead updated = upsertOnce(activities, exampleRequest());

    assertThat(updated).isEqualTo(new CrmLead(created.id(), created.url(), false));
    assertThat(salesforce.lookupRequests())
        .containsExactly(
            "/services/data/v45.0/sobjects/Lead/Chatbot_Conversation_Id__c/conv-12345?fields=Id");
  }

  @Test
  void routedOwnerIsSetAndAssignmentRulesAreTurnedOff() {
    upsertOnce(
        activities, request("conv-1", "ann@acme.com", routeWithOwner("00G5e000001AbCdEAK"), null));

    UpsertRequest upsert = salesforce.upsertRequests().get(0);
    assertThat(upsert.header("Sforce-Auto-Assign")).isEqualTo("FALSE");
    assertThat(upsert.body()).containsEntry("OwnerId", "00G5e000001AbCdEAK");
  }

  @Test
  void configuredAutoAssignIsSentWhateverTheRoute() {
    activities = LiveSalesforceLeadActivities.of(liveAgainst(salesforce).withAutoAssign("FALSE"));

    upsertOnce(activities, exampleRequest());

    assertThat(salesforce.upsertRequests().get(0).header("Sforce-Auto-Assign")).isEqualTo("FALSE");
  }

  @Test
  void mappedCustomFieldsAreSentUnderTheirApiNames() {
    salesforce.addCustomField("Chatbot_Question__c", 32_768);
    salesforce.addCustomField("Chatbot_Route__c", 255);
    SalesforceFieldMapping standard = SalesforceFieldMapping.standard();
    SalesforceFieldMapping custom =
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
            "Chatbot_Route__c",
            null,
            "Website",
            null,
            null);
    activities = LiveSalesforceLeadActivities.of(liveAgainst(salesforce).withFields(custom));

    upsertOnce(activities, exampleRequest());

    assertThat(salesforce.lead("conv-12345").orElseThrow().fields())
        .containsEntry("Chatbot_Question__c", ExampleLead.QUESTION)
        .containsEntry("Chatbot_Route__c", "enterprise+api")
        .containsEntry("Website", "acme-corp.com");
  }

  @Test
  void conversationIdIsPercentEncodedInThePath() {
    upsertOnce(activities, request("conv 7/ä+1", "ann@acme.com"));

    assertThat(salesforce.upsertRequests().get(0).path())
        .isEqualTo(LEAD_PATH + "conv%207%2F%C3%A4%2B1");
    assertThat(salesforce.lead("conv 7/ä+1")).isPresent();
  }

  @Test
  void expiredSessionIsRenewedOnceAndTheSameAttemptSucceeds() {
    upsertOnce(activities, request("conv-1", "ann@acme.com"));
    salesforce.expireTokens();

    CrmLead lead = upsertOnce(activities, request("conv-2", "bob@acme.com"));

    assertThat(lead.created()).isTrue();
    assertThat(salesforce.tokenRequests()).hasSize(2);
    assertThat(salesforce.upsertRequests()).hasSize(3);
    assertThat(salesforce.upsertRequests().get(1).header("Authorization"))
        .isNotEqualTo(salesforce.upsertRequests().get(2).header("Authorization"));
    assertThat(salesforce.leads()).hasSize(2);
  }

  @Test
  void workflowIdAndMaskedEmailAreLoggedButNeverTheTokenOrSecret(CapturedOutput output) {
    upsertOnce(activities, exampleRequest());

    String token =
        salesforce.upsertRequests().get(0).header("Authorization").substring("Bearer ".length());
    assertThat(output)
        .containsPattern("Salesforce Lead 00Q\\w+ created for \\S+ \\(p\\*\\*\\*@example.com\\)")
        .doesNotContain(token)
        .doesNotContain(SalesforceEmulation.CLIENT_SECRET)
        .doesNotContain("potential.lead@example.com");
  }
}
