package com.leadprocessor.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.salesforce.ClaimOwnerProperties;
import com.leadprocessor.connector.salesforce.DryRunLeadOwnerActivities;
import com.leadprocessor.connector.salesforce.LiveLeadOwnerActivities;
import com.leadprocessor.connector.slack.DryRunLeadAlertUpdates;
import com.leadprocessor.connector.slack.LiveLeadAlertUpdates;
import com.leadprocessor.connector.slack.SlackUserEmails;
import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.claim.LeadOwnerActivities;
import com.leadprocessor.workflow.claim.OwnerAssignment;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which claim connectors a worker gets, and what claim configuration stops it from starting. */
class ClaimConnectorsSelectionTest {

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withUserConfiguration(LeadActivitiesConfiguration.class)
          .withPropertyValues("leads.routing.match-by=keywords");

  private static final String[] LIVE =
      new String[] {
        "leads.slack.bot-token=xoxb-1234-secret",
        "leads.salesforce.client-id=3MVG9emulated",
        "leads.salesforce.client-secret=secret"
      };

  @Test
  void withoutCredentialsBothAreDryRuns() {
    contextRunner.run(
        context -> {
          assertThat(context)
              .getBean(LeadAlertUpdates.class)
              .isInstanceOf(DryRunLeadAlertUpdates.class);
          assertThat(context)
              .getBean(LeadOwnerActivities.class)
              .isInstanceOf(DryRunLeadOwnerActivities.class);
          assertThat(context.getBean(ClaimOwnerProperties.class))
              .isEqualTo(ClaimOwnerProperties.defaults());
        });
  }

  @Test
  void withCredentialsBothAreLive() {
    contextRunner
        .withPropertyValues(LIVE)
        .run(
            context -> {
              assertThat(context)
                  .getBean(LeadAlertUpdates.class)
                  .isInstanceOf(LiveLeadAlertUpdates.class);
              assertThat(context)
                  .getBean(LeadOwnerActivities.class)
                  .isInstanceOf(LiveLeadOwnerActivities.class);
              assertThat(context).hasSingleBean(SlackUserEmails.class);
            });
  }

  @Test
  void liveSalesforceWithSlackInDryRunStillAssignsOwners() {
    contextRunner
        .withPropertyValues(LIVE)
        .withPropertyValues("leads.slack.mode=dry-run")
        .run(
            context -> {
              assertThat(context)
                  .getBean(LeadOwnerActivities.class)
                  .isInstanceOf(LiveLeadOwnerActivities.class);
              assertThat(context).doesNotHaveBean(SlackUserEmails.class);
            });
  }

  @Test
  void ownerMapAndFallbackBindFromProperties() {
    contextRunner
        .withPropertyValues(
            "leads.claims.owners.U024BE7LH=0055e000001AbCdAAK",
            "leads.claims.fallback-owner-id=00G5e000000QuEuEAA",
            "leads.claims.by-email=false")
        .run(
            context ->
                assertThat(context.getBean(ClaimOwnerProperties.class))
                    .isEqualTo(
                        new ClaimOwnerProperties(
                            Map.of("U024BE7LH", "0055e000001AbCdAAK"),
                            false,
                            "00G5e000000QuEuEAA")));
  }

  @Test
  void invalidFallbackOwnerStopsStartUpNamingTheProperty() {
    contextRunner
        .withPropertyValues("leads.claims.fallback-owner-id=jane@acme.com")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("leads.claims")
                    .hasMessageContaining("fallbackOwnerId")
                    .hasMessageContaining("expected a Salesforce user (005...) or queue (00G...)"));
  }

  @Test
  void ownerMapToSomethingElseThanAUserStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.claims.owners.U024BE7LH=00G5e000000QuEuEAA")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("owners")
                    .hasMessageContaining("is not a Salesforce user id"));
  }

  @Test
  void dryRunOwnerAssignmentChangesNothingAndSaysSo() {
    OwnerAssignment assignment =
        new DryRunLeadOwnerActivities(ClaimOwnerProperties.defaults())
            .assignClaimer(
                "00Q5e0000000001AAA",
                new AlertAction("U024BE7LH", "jane", null, Instant.parse("2026-03-02T09:00:00Z")));

    assertThat(assignment.salesforceOwnerId()).isNull();
    assertThat(assignment.note()).contains("Salesforce runs dry");
  }
}
