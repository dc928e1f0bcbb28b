package com.leadprocessor.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.routing.RoutingRules;
import com.leadprocessor.connector.salesforce.DryRunSalesforceLeadActivities;
import com.leadprocessor.connector.slack.DryRunSlackAlertActivities;
import com.leadprocessor.workflow.claim.LeadOwnerActivities;
import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.review.LeadReviewActivities;
import com.leadprocessor.workflow.routing.LeadRoutingActivities;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.slack.SlackAlertQueues;
import com.leadprocessor.workflow.verification.LeadVerificationActivities;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LeadActivitiesConfigurationTest {

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner().withUserConfiguration(LeadActivitiesConfiguration.class);

  @Test
  void everyActivityWiresWithNoConfigurationAtAll() {
    contextRunner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(LeadVerificationActivities.class);
          assertThat(context).hasSingleBean(LeadRoutingActivities.class);
          assertThat(context).hasSingleBean(LeadEnrichmentActivities.class);
          assertThat(context).hasSingleBean(LeadReviewActivities.class);
          assertThat(context)
              .getBean(SalesforceLeadActivities.class)
              .isInstanceOf(DryRunSalesforceLeadActivities.class);
          assertThat(context)
              .getBean(SlackAlertActivities.class)
              .isInstanceOf(DryRunSlackAlertActivities.class);
          assertThat(context.getBean(RoutingRules.class).rules()).isNotEmpty();
          assertThat(context).hasSingleBean(LeadAlertUpdates.class);
          assertThat(context).hasSingleBean(LeadOwnerActivities.class);
          assertThat(context).hasSingleBean(SlackAlertQueues.class);
          assertThat(context.getBeansWithAnnotation(ActivityImpl.class)).hasSize(9);
          assertThat(context.getBean(LeadReviewActivities.class).reviewPolicy().remindAfter())
              .isEqualTo(Duration.ofHours(24));
          assertThat(context.getBean(TemporalUiLinks.class).workflowUrl("lead-conv-1"))
              .isEqualTo("http://localhost:8233/namespaces/default/workflows/lead-conv-1");
        });
  }

  @Test
  void propertiesChangeTheDefaults() {
    contextRunner
        .withPropertyValues(
            "leads.review.remind-after=30m",
            "leads.temporal-ui-url=https://temporal.example.net",
            "spring.temporal.namespace=leads-prod")
        .run(
            context -> {
              assertThat(context.getBean(LeadReviewActivities.class).reviewPolicy().remindAfter())
                  .isEqualTo(Duration.ofMinutes(30));
              assertThat(context.getBean(TemporalUiLinks.class).workflowUrl("lead-conv-1"))
                  .isEqualTo(
                      "https://temporal.example.net/namespaces/leads-prod/workflows/lead-conv-1");
            });
  }

  @Test
  void brokenRoutingFileStopsStartUpNamingTheFileAndTheProblem() {
    contextRunner
        .withPropertyValues("leads.routing.rules-file=classpath:broken-routing-rules.yml")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "Invalid routing rules in classpath:broken-routing-rules.yml (set by"
                            + " leads.routing.rules-file):")
                    .hasMessageContaining("rule 'api': when.topics-any names unknown topic 'apis'")
                    .hasMessageContaining("rule 'api': then.slack-channel 'dev-sales' is invalid"));
  }

  @Test
  void missingRoutingFileStopsStartUpNamingTheProperty() {
    contextRunner
        .withPropertyValues("leads.routing.rules-file=file:/nowhere/rules.yml")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "Routing rules file 'file:/nowhere/rules.yml' set by"
                            + " leads.routing.rules-file does not exist"));
  }

  @Test
  void nonPositiveReminderIntervalStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.review.remind-after=0s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("leads.review.remind-after")
                    .hasStackTraceContaining("must be positive"));
  }
}
