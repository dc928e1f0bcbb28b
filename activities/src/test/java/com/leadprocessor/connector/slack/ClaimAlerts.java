package com.leadprocessor.connector.slack;

import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.workflow.claim.ClaimPolicy;
import com.leadprocessor.workflow.claim.ClaimView;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.slack.LeadAlert;
import java.time.Duration;
import java.time.Instant;

/** Alerts of leads whose route asks for a claim, and the claim views the workflow shows. */
final class ClaimAlerts {

  static final String CLAIMER = "U024BE7LH";
  static final Instant ALERTED_AT = Instant.parse("2026-03-02T09:00:00Z");

  private ClaimAlerts() {}

  static ClaimPolicy policy(String escalateTo) {
    return new ClaimPolicy(
        Duration.ofMinutes(10), escalateTo, Duration.ofHours(1), Duration.ofDays(1), null);
  }

  /** The routed example alert, its route asking for a claim within 10 minutes. */
  static LeadAlert claimable() {
    LeadAlert routed = SlackConnectorFixture.routedAlert();
    Route route = ExampleLead.enterpriseRoute();
    Route withClaim =
        new Route(
            route.rule(),
            route.slackChannel(),
            route.salesforceOwnerId(),
            route.priority(),
            route.topics(),
            route.match(),
            route.caveat(),
            policy("#sales-managers"));
    return new LeadAlert(
        routed.workflowId(),
        routed.event(),
        routed.email(),
        withClaim,
        routed.enrichment(),
        routed.crmLead(),
        null);
  }

  static ClaimView waiting() {
    return new ClaimView(null, null, ALERTED_AT, null, null, false, null, null, null);
  }

  static ClaimView escalated() {
    return new ClaimView(null, null, ALERTED_AT, null, null, true, null, null, null);
  }

  static ClaimView claimed() {
    return new ClaimView(
        CLAIMER,
        "jane",
        ALERTED_AT,
        ALERTED_AT.plusSeconds(252),
        252L,
        false,
        "0055e000001AbCdAAK",
        null,
        null);
  }

  static ClaimView notALead() {
    return new ClaimView(CLAIMER, "jane", ALERTED_AT, null, null, false, null, null, "vendor");
  }
}
