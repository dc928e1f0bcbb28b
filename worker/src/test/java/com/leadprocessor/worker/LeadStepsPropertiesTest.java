package com.leadprocessor.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.claim.LeadOwnerActivities;
import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.routing.LeadRoutingActivities;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.verification.LeadVerificationActivities;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class LeadStepsPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ConfigurationPropertiesAutoConfiguration.class,
                  ValidationAutoConfiguration.class))
          .withUserConfiguration(StepsConfig.class)
          .withPropertyValues(step("verify"))
          .withPropertyValues(step("route"))
          .withPropertyValues(step("enrich"))
          .withPropertyValues(step("slack"))
          .withPropertyValues(step("alert-update"))
          .withPropertyValues(step("claim-owner"));

  @Test
  void everyStepMapsToItsActivityType() {
    context
        .withPropertyValues(step("salesforce"))
        .run(
            ctx ->
                assertThat(ctx.getBean(LeadStepsProperties.class).byActivityType())
                    .containsOnlyKeys(
                        LeadVerificationActivities.VERIFY_LEAD,
                        LeadRoutingActivities.ROUTE_LEAD,
                        LeadEnrichmentActivities.ENRICH_LEAD,
                        SalesforceLeadActivities.UPSERT_SALESFORCE_LEAD,
                        SlackAlertActivities.POST_SLACK_LEAD_ALERT,
                        LeadAlertUpdates.UPDATE_SLACK_LEAD_ALERT,
                        LeadAlertUpdates.ESCALATE_SLACK_LEAD_ALERT,
                        LeadOwnerActivities.ASSIGN_SALESFORCE_OWNER));
  }

  @Test
  void negativeAttemptsStopStartUpNamingTheProperty() {
    context
        .withPropertyValues(step("salesforce"))
        .withPropertyValues("leads.steps.salesforce.maximum-attempts=-1")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("leads.steps.salesforce.maximumAttempts"));
  }

  @Test
  void missingStepStopsStartUpNamingTheStep() {
    context.run(
        ctx ->
            assertThat(ctx)
                .getFailure()
                .rootCause()
                .hasMessageContaining("leads.steps.salesforce"));
  }

  private static String[] step(String name) {
    String prefix = "leads.steps." + name + ".";
    return new String[] {
      prefix + "start-to-close-timeout=10s",
      prefix + "initial-interval=1s",
      prefix + "backoff-coefficient=2",
      prefix + "maximum-interval=1m",
      prefix + "maximum-attempts=3"
    };
  }

  @Configuration
  @EnableConfigurationProperties(LeadStepsProperties.class)
  static class StepsConfig {}
}
