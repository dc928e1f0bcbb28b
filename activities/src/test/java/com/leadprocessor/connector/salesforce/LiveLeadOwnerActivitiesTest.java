package com.leadprocessor.connector.salesforce;

import static com.leadprocessor.connector.salesforce.SalesforceEmulationFixture.liveAgainst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.leadprocessor.connector.slack.SlackUserEmails;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.claim.OwnerAssignment;
import com.leadprocessor.workflow.lead.LeadFailureType;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A claim makes the claimer the Lead's owner: through the Slack SDK and force-rest-api against the
 * Slack and Salesforce emulations.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(OutputCaptureExtension.class)
class LiveLeadOwnerActivitiesTest {

  private static final String TOKEN = "xoxb-test-token";
  private static final String CLAIMER = "U024BE7LH";
  private static final String CLAIMER_EMAIL = "jane.seller@acme-sales.com";
  private static final String JANE = "0055e000001AbCdAAK";
  private static final String QUEUE = "00G5e000000QuEuEAA";
  private static final AlertAction CLAIM =
      new AlertAction(CLAIMER, "jane", null, Instant.parse("2026-03-02T09:04:12Z"));

  private static SalesforceEmulation salesforce;
  private final SlackEmulation slack = SlackEmulation.start().expectToken(TOKEN);
  private final Slack slackClient = Slack.getInstance(slackConfig());
  private String leadId;

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
    leadId =
        salesforce.seedLead(
            Map.of(
                "LastName",
                "Lead",
                "Company",
                "Acme",
                SalesforceEmulation.EXTERNAL_ID_FIELD,
                "conv-12345"));
  }

  @AfterEach
  void close() throws Exception {
    slackClient.close();
    slack.close();
  }

  private SlackConfig slackConfig() {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.baseUrl());
    config.setStatsEnabled(false);
    return config;
  }

  private LiveLeadOwnerActivities activities(ClaimOwnerProperties claims) {
    SalesforceProperties properties = liveAgainst(salesforce);
    return new LiveLeadOwnerActivities(
        properties,
        claims,
        new SalesforceSession(properties),
        new SlackUserEmails(slackClient.methods(TOKEN)));
  }

  private static ClaimOwnerProperties byEmail(String fallback) {
    return new ClaimOwnerProperties(Map.of(), true, fallback);
  }

  private Object ownerOfTheLead() {
    return salesforce.leads().get(0).fields().get("OwnerId");
  }

  @Test
  void explicitlyMappedClaimerBecomesTheOwnerWithoutAskingSlack() {
    salesforce.addUser(JANE, CLAIMER_EMAIL, true);

    OwnerAssignment assignment =
        activities(new ClaimOwnerProperties(Map.of(CLAIMER, JANE), true, ""))
            .assignClaimer(leadId, CLAIM);

    assertThat(assignment).isEqualTo(new OwnerAssignment(JANE, null));
    assertThat(ownerOfTheLead()).isEqualTo(JANE);
    assertThat(salesforce.ownerUpdates())
        .singleElement()
        .satisfies(
            update -> {
              assertThat(update.leadId()).isEqualTo(leadId);
              assertThat(update.body()).containsExactly(Map.entry("OwnerId", JANE));
            });
    assertThat(slack.requests("users.info")).isEmpty();
    assertThat(salesforce.queries()).isEmpty();
  }

  @Test
  void claimerIsFoundByTheirSlackEmailAmongActiveUsersAndTheEmailIsNotLogged(
      CapturedOutput output) {
    slack.addUser(CLAIMER, "jane", CLAIMER_EMAIL);
    salesforce.addUser("0055e000009InActAA", CLAIMER_EMAIL, false);
    salesforce.addUser(JANE, CLAIMER_EMAIL, true);

    OwnerAssignment assignment = activities(byEmail("")).assignClaimer(leadId, CLAIM);

    assertThat(assignment).isEqualTo(new OwnerAssignment(JANE, null));
    assertThat(ownerOfTheLead()).isEqualTo(JANE);
    assertThat(slack.requests("users.info").get(0).params()).containsEntry("user", CLAIMER);
    assertThat(salesforce.queries())
        .containsExactly(
            "SELECT Id FROM User WHERE Email = '" + CLAIMER_EMAIL + "' AND IsActive = true");
    assertThat(output.getAll()).doesNotContain(CLAIMER_EMAIL).contains(CLAIMER);
  }

  @Test
  void quoteInTheEmailIsEscapedInTheQuery() {
    slack.addUser(CLAIMER, "jane", "o'brien@acme-sales.com");
    salesforce.addUser(JANE, "o'brien@acme-sales.com", true);

    assertThat(activities(byEmail("")).assignClaimer(leadId, CLAIM).salesforceOwnerId())
        .isEqualTo(JANE);
    assertThat(salesforce.queries().get(0)).contains("Email = 'o\\'brien@acme-sales.com'");
  }

  @Test
  void claimerWithoutASalesforceUserHandsTheLeadToTheFallbackOwnerAndSaysWhy() {
    slack.addUser(CLAIMER, "jane", CLAIMER_EMAIL);
    salesforce.addQueue(QUEUE);

    OwnerAssignment assignment = activities(byEmail(QUEUE)).assignClaimer(leadId, CLAIM);

    assertThat(assignment.salesforceOwnerId()).isEqualTo(QUEUE);
    assertThat(assignment.note())
        .contains("No single active Salesforce user has the Slack email of <@U024BE7LH>")
        .contains("fallback owner (leads.claims.fallback-owner-id)")
        .doesNotContain(CLAIMER_EMAIL);
    assertThat(ownerOfTheLead()).isEqualTo(QUEUE);
  }

  @Test
  void unknownSlackUserWithoutAFallbackLeavesTheOwnerAndSaysWhy() {
    OwnerAssignment assignment = activities(byEmail("")).assignClaimer(leadId, CLAIM);

    assertThat(assignment.salesforceOwnerId()).isNull();
    assertThat(assignment.note())
        .contains("'user_not_found'")
        .contains("the Lead keeps its owner")
        .contains("leads.claims.owners");
    assertThat(salesforce.ownerUpdates()).isEmpty();
  }

  @Test
  void slackProfileWithoutAnEmailNamesTheMissingScope() {
    slack.addUser(CLAIMER, "jane", null);

    OwnerAssignment assignment = activities(byEmail("")).assignClaimer(leadId, CLAIM);

    assertThat(assignment.salesforceOwnerId()).isNull();
    assertThat(assignment.note()).contains("users:read.email");
  }

  @Test
  void expiredSessionIsRenewedOnceInsideTheCall() {
    ClaimOwnerProperties claims = new ClaimOwnerProperties(Map.of(CLAIMER, JANE), true, "");
    salesforce.addUser(JANE, CLAIMER_EMAIL, true);
    LiveLeadOwnerActivities activities = activities(claims);
    activities.assignClaimer(leadId, CLAIM);
    salesforce.expireTokens();

    OwnerAssignment again = activities.assignClaimer(leadId, CLAIM);

    assertThat(again.salesforceOwnerId()).isEqualTo(JANE);
    assertThat(salesforce.tokenRequests()).hasSize(2);
    assertThat(salesforce.ownerUpdates()).hasSize(3);
  }

  @Test
  void expiredSessionIsRenewedForTheUserQueryToo() {
    slack.addUser(CLAIMER, "jane", CLAIMER_EMAIL);
    salesforce.addUser(JANE, CLAIMER_EMAIL, true);
    LiveLeadOwnerActivities activities = activities(byEmail(""));
    activities.assignClaimer(leadId, CLAIM);
    salesforce.expireTokens();

    assertThat(activities.assignClaimer(leadId, CLAIM).salesforceOwnerId()).isEqualTo(JANE);
    assertThat(salesforce.tokenRequests()).hasSize(2);
  }

  @Test
  void salesforceOutageIsRetried() {
    salesforce.addUser(JANE, CLAIMER_EMAIL, true);
    salesforce.outage(2);

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                activities(new ClaimOwnerProperties(Map.of(CLAIMER, JANE), true, ""))
                    .assignClaimer(leadId, CLAIM));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(LeadFailureType.UNAVAILABLE.name());
  }

  @Test
  void ownerIdThatIsNoUserOfTheOrgIsAConfigurationError() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                activities(new ClaimOwnerProperties(Map.of(CLAIMER, JANE), true, ""))
                    .assignClaimer(leadId, CLAIM));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(LeadFailureType.CONFIGURATION.name());
    assertThat(failure.getOriginalMessage())
        .contains("INVALID_CROSS_REFERENCE_KEY")
        .contains("leads.claims.owners");
  }

  @Test
  void leadWithoutASalesforceLeadIsLeftAlone() {
    OwnerAssignment assignment = activities(byEmail(QUEUE)).assignClaimer(null, CLAIM);

    assertThat(assignment.salesforceOwnerId()).isNull();
    assertThat(assignment.note()).contains("no Salesforce Lead");
    assertThat(salesforce.ownerUpdates()).isEmpty();
  }

  @Test
  void slackUserIdsInTheOwnerMapAreUpperCasedAsTheEnvironmentLowersThem() {
    assertThat(new ClaimOwnerProperties(Map.of("u024be7lh", JANE), true, null).owners())
        .containsEntry(CLAIMER, JANE);
  }
}
