package com.leadprocessor.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.ConnectorStatus;
import com.leadprocessor.connector.LeadActivitiesConfiguration;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which Salesforce connector a worker gets, what it reports, and what stops it starting. */
class SalesforceModeSelectionTest {

  private static final String CLIENT_ID = "3MVG9A2kN3Bn17huXZp1HiEzQ8mTSnHmJ.e6ly9xQ";

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner().withUserConfiguration(LeadActivitiesConfiguration.class);

  @Test
  void withoutCredentialsAutoModeIsADryRunThatSaysWhy() {
    contextRunner.run(
        context -> {
          assertThat(context)
              .getBean(SalesforceLeadActivities.class)
              .isInstanceOf(DryRunSalesforceLeadActivities.class);
          assertThat(salesforceStatus(context.getBeansOfType(ConnectorStatus.class).values()))
              .isEqualTo("Salesforce: DRY RUN (no SALESFORCE_CLIENT_ID/SECRET)");
        });
  }

  @Test
  void withCredentialsAutoModeIsLiveAndReportsNoSecret() {
    contextRunner
        .withPropertyValues(
            "leads.salesforce.client-id=" + CLIENT_ID,
            "leads.salesforce.client-secret=s3cr3t-value")
        .run(
            context -> {
              assertThat(context).hasSingleBean(SalesforceLeadActivities.class);
              assertThat(context)
                  .getBean(SalesforceLeadActivities.class)
                  .isInstanceOf(LiveSalesforceLeadActivities.class);
              String status =
                  salesforceStatus(context.getBeansOfType(ConnectorStatus.class).values());
              assertThat(status)
                  .isEqualTo(
                      "Salesforce: LIVE at https://login.salesforce.com (client 3MVG…9xQ, API"
                          + " v64.0)")
                  .doesNotContain("s3cr3t");
            });
  }

  @Test
  void explicitDryRunIgnoresCredentials() {
    contextRunner
        .withPropertyValues(
            "leads.salesforce.mode=dry-run",
            "leads.salesforce.client-id=" + CLIENT_ID,
            "leads.salesforce.client-secret=s3cr3t-value")
        .run(
            context -> {
              assertThat(context)
                  .getBean(SalesforceLeadActivities.class)
                  .isInstanceOf(DryRunSalesforceLeadActivities.class);
              assertThat(salesforceStatus(context.getBeansOfType(ConnectorStatus.class).values()))
                  .isEqualTo("Salesforce: DRY RUN (leads.salesforce.mode=dry-run)");
            });
  }

  @Test
  void liveModeWithoutCredentialsStopsStartUpNamingTheEnvironmentVariables() {
    contextRunner
        .withPropertyValues("leads.salesforce.mode=live")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidSalesforceConfigurationException.class)
                    .hasMessage(
                        "Salesforce is configured to run live (leads.salesforce.mode=live) but"
                            + " SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are not set; set"
                            + " SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET (the connected"
                            + " app's consumer key and secret), or set"
                            + " leads.salesforce.mode=dry-run"));
  }

  @Test
  void halfConfiguredCredentialsStopStartUpRatherThanSilentlyDryRunning() {
    contextRunner
        .withPropertyValues("leads.salesforce.client-id=" + CLIENT_ID)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "(leads.salesforce.mode=auto) but SALESFORCE_CLIENT_SECRET is not set"));
  }

  @Test
  void unknownModeStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.salesforce.mode=sandbox")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("leads.salesforce.mode")
                    .hasStackTraceContaining("must be auto, live or dry-run"));
  }

  @Test
  void fieldMappingWithAnInvalidApiNameStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.salesforce.fields.question=Chatbot Question")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("leads.salesforce.fields.question")
                    .hasStackTraceContaining("must be a Lead field API name"));
  }

  @Test
  void fieldMappingWithoutARequiredFieldStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.salesforce.fields.company=")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("leads.salesforce.fields.company")
                    .hasStackTraceContaining("Salesforce requires Company on every Lead"));
  }

  @Test
  void fieldMappedTwiceOrOntoTheExternalIdStopsStartUp() {
    contextRunner
        .withPropertyValues(
            "leads.salesforce.fields.question=Description",
            "leads.salesforce.fields.route=Chatbot_Conversation_Id__c")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("Invalid leads.salesforce.fields:")
                    .hasMessageContaining(
                        "description and question both map to Description; map each Lead field"
                            + " once")
                    .hasMessageContaining(
                        "route maps to Chatbot_Conversation_Id__c, the external id field"));
  }

  @Test
  void customFieldMappingIsBoundFromProperties() {
    contextRunner
        .withPropertyValues(
            "leads.salesforce.fields.question=Chatbot_Question__c",
            "leads.salesforce.fields.company-size=Company_Size__c",
            "leads.salesforce.auto-assign=false")
        .run(
            context -> {
              SalesforceProperties properties = context.getBean(SalesforceProperties.class);
              assertThat(properties.fields().mapped())
                  .containsEntry("question", "Chatbot_Question__c")
                  .containsEntry("company-size", "Company_Size__c")
                  .containsEntry("last-name", "LastName");
              assertThat(properties.autoAssignFor(false)).isFalse();
            });
  }

  private static String salesforceStatus(java.util.Collection<ConnectorStatus> statuses) {
    return statuses.stream()
        .map(ConnectorStatus::describe)
        .filter(line -> line.startsWith("Salesforce"))
        .findFirst()
        .orElseThrow();
  }
}
