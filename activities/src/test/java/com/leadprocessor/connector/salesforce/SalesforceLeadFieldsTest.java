package com.leadprocessor.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SalesforceLeadFieldsTest {

  private final SalesforceLeadFields leadFields =
      new SalesforceLeadFields(SalesforceProperties.defaults());

  private static CrmLeadRequest exampleRequest() {
    return new CrmLeadRequest(
        ExampleLead.event(),
        "potential.lead@example.com",
        ExampleLead.enterpriseRoute(),
        ExampleLead.acmeEnrichment());
  }

  private static CrmLeadRequest requestFor(String email, Route route, Enrichment enrichment) {
    return new CrmLeadRequest(ExampleLead.event(), email, route, enrichment);
  }

  @Test
  void exampleLeadMapsToTheLeadFieldsSalesforceRequires() {
    Map<String, Object> fields = leadFields.fieldsFor(exampleRequest());

    assertThat(fields)
        .containsEntry("Chatbot_Conversation_Id__c", "conv-12345")
        .containsEntry("Email", "potential.lead@example.com")
        .containsEntry("FirstName", "Potential")
        .containsEntry("LastName", "Lead")
        .containsEntry("Company", "Acme Corp")
        .containsEntry("LeadSource", "Chatbot")
        .doesNotContainKey("OwnerId");
    assertThat((String) fields.get("Description"))
        .isEqualTo(
            """
            Question: Does your API support batch processing for over 1 million records?
            Transcript: https://api.chatbot.com/transcripts/conv-12345
            Source page: /pricing/enterprise
            Route: enterprise+api -> #dev-sales, priority HIGH, topics api
            Company: Acme Corp (acme-corp.com; source email-domain)
            Browser: Chrome 118 on Windows 10, device Other
            Conversation: conv-12345, visitor anon-f8a9b2c1, captured 2023-10-27T10:00:00Z""");
  }

  @Test
  void routedOwnerBecomesOwnerIdAndTurnsAssignmentRulesOff() {
    Route route =
        new Route("enterprise", "#sales", "00G5e000001AbCdEAK", LeadPriority.HIGH, List.of());

    SalesforceLeadUpsert upsert =
        leadFields.upsertFor(requestFor("jane@acme.com", route, ExampleLead.acmeEnrichment()));

    assertThat(upsert.body()).containsEntry("OwnerId", "00G5e000001AbCdEAK");
    assertThat(upsert.autoAssign()).isFalse();
  }

  @Test
  void upsertPutsTheConversationIdInThePathAndNotInTheBody() {
    SalesforceLeadUpsert upsert = leadFields.upsertFor(exampleRequest());

    assertThat(upsert.method()).isEqualTo("PATCH");
    assertThat(upsert.path())
        .isEqualTo("/services/data/v64.0/sobjects/Lead/Chatbot_Conversation_Id__c/conv-12345");
    assertThat(upsert.body()).doesNotContainKey("Chatbot_Conversation_Id__c");
    assertThat(upsert.autoAssign()).isTrue();
  }

  @Test
  void externalIdFieldIsConfigurable() {
    SalesforceLeadFields custom =
        new SalesforceLeadFields(
            new SalesforceProperties(
                "dry-run",
                "https://login.salesforce.com",
                null,
                null,
                "61.0",
                "Conversation_Key__c",
                "Web Chat",
                null,
                java.time.Duration.ofSeconds(10),
                SalesforceFieldMapping.standard()));

    assertThat(custom.fieldsFor(exampleRequest()))
        .containsEntry("Conversation_Key__c", "conv-12345")
        .containsEntry("LeadSource", "Web Chat");
    assertThat(custom.upsertFor(exampleRequest()).path())
        .isEqualTo("/services/data/v61.0/sobjects/Lead/Conversation_Key__c/conv-12345");
  }

  @Test
  void companyFallsBackToTheEmailDomainThenToNotProvided() {
    Route route = ExampleLead.enterpriseRoute();

    assertThat(leadFields.fieldsFor(requestFor("jane@gmail.com", route, null)))
        .containsEntry("Company", "gmail.com");
    assertThat(leadFields.fieldsFor(requestFor(null, route, Enrichment.none("failed"))))
        .containsEntry("Company", "[not provided]")
        .containsEntry("LastName", "Unknown");
  }

  @Test
  void namesAreDerivedFromTheLocalPartWhenTheyCanBe() {
    Route route = ExampleLead.enterpriseRoute();

    assertThat(leadFields.fieldsFor(requestFor("jsmith42+web@acme.com", route, null)))
        .containsEntry("LastName", "Jsmith")
        .doesNotContainKey("FirstName");
    assertThat(leadFields.fieldsFor(requestFor("MARY-ANN_o.connor@acme.com", route, null)))
        .containsEntry("FirstName", "Mary")
        .containsEntry("LastName", "Connor");
    assertThat(leadFields.fieldsFor(requestFor("12345@acme.com", route, null)))
        .containsEntry("LastName", "Unknown");
  }

  @Test
  void longQuestionIsCutToTheDescriptionLimit() {
    String question = "x".repeat(40_000);
    CrmLeadRequest request =
        new CrmLeadRequest(
            ExampleLead.event("jane@acme.com", question, "/", null),
            "jane@acme.com",
            ExampleLead.enterpriseRoute(),
            null);

    String description = (String) leadFields.fieldsFor(request).get("Description");

    assertThat(description).hasSize(32_000).endsWith("…");
  }

  @Test
  void dryRunLogsTheExactUpsertAndAnswersAsCreated(CapturedOutput output) {
    SalesforceProperties dryRun =
        new SalesforceProperties(
            "dry-run",
            "https://login.salesforce.com",
            null,
            null,
            "64.0",
            "Chatbot_Conversation_Id__c",
            "Chatbot",
            null,
            java.time.Duration.ofSeconds(10),
            null);
    CrmLead lead =
        new DryRunSalesforceLeadActivities(dryRun, leadFields).upsertLead(exampleRequest());

    assertThat(lead).isEqualTo(new CrmLead("dry-run-conv-12345", null, true));
    assertThat(output)
        .contains("Salesforce DRY RUN (leads.salesforce.mode=dry-run)")
        .contains("PATCH /services/data/v64.0/sobjects/Lead/Chatbot_Conversation_Id__c/conv-12345")
        .contains("Sforce-Auto-Assign: TRUE");
    assertThat(output)
        .contains("\"Email\" : \"potential.lead@example.com\"")
        .contains("\"LeadSource\" : \"Chatbot\"")
        .doesNotContain("\"Chatbot_Conversation_Id__c\"");
  }
}
