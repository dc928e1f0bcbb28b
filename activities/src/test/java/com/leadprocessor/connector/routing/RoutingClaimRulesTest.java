package com.leadprocessor.connector.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.workflow.claim.ClaimPolicy;
import com.leadprocessor.workflow.claim.WorkingHours;
import com.leadprocessor.workflow.routing.RoutingInput;
import com.leadprocessor.workflow.verification.VerificationResult;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code claim} blocks of the routing rules: how they reach a route, and what is refused. */
class RoutingClaimRulesTest {

  private static final String DEFAULT_CLAIM =
      """
      default:
        slack-channel: "#sales-leads"
        priority: NORMAL
        claim:
          claim-within: 10m
          escalate-to: "<!subteam^S0123ABCD>"
          unclaimed-after: 1h
          working-hours: { time-zone: Europe/Berlin, start: "08:00", end: "18:00" }
      """;

  private static RoutingInput leadFrom(String sourceUrl) {
    return new RoutingInput(
        ExampleLead.event("jane@acme-corp.com", "Hello", sourceUrl, ExampleLead.USER_AGENT),
        VerificationResult.accepted("jane@acme-corp.com", "acme-corp.com", false));
  }

  private static void assertRejected(String yaml, String... expectedProblems) {
    assertThatThrownBy(() -> RoutingRulesFixtures.fromYaml(yaml))
        .isInstanceOf(InvalidRoutingRulesException.class)
        .hasMessageContainingAll(expectedProblems);
  }

  private static String ruleWithClaim(String claim) {
    return "rules:\n"
        + "  - name: enterprise\n"
        + "    when: { source-url-prefix: /pricing }\n"
        + "    then: { priority: HIGH, claim: "
        + claim
        + " }\n"
        + "default: { slack-channel: \"#sales-leads\", priority: NORMAL }\n";
  }

  @Test
  void shippedRulesAskForNoClaim() {
    assertThat(RoutingRulesFixtures.shipped().route(leadFrom("/pricing/enterprise")).claim())
        .isNull();
  }

  @Test
  void defaultClaimBlockAppliesToEveryRouteWithItsWorkingHours() {
    RoutingRules rules =
        RoutingRulesFixtures.fromYaml(
            "rules: [{ name: docs, when: { source-url-prefix: /docs }, then: { priority: LOW } }]\n"
                + DEFAULT_CLAIM);

    assertThat(rules.route(leadFrom("/docs/api")).claim())
        .isEqualTo(
            new ClaimPolicy(
                Duration.ofMinutes(10),
                "<!subteam^S0123ABCD>",
                Duration.ofHours(1),
                Duration.ofHours(24),
                new WorkingHours(
                    "Europe/Berlin",
                    LocalTime.of(8, 0),
                    LocalTime.of(18, 0),
                    List.of(
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY))));
    assertThat(rules.route(leadFrom("/blog")).claim().claimWithin())
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void firstMatchingRuleWithAClaimBlockWinsOverTheDefault() {
    RoutingRules rules =
        RoutingRulesFixtures.fromYaml(
            """
            rules:
              - name: enterprise
                when: { source-url-prefix: /pricing }
                then:
                  priority: HIGH
                  claim:
                    claim-within: 5m
                    escalate-to: "#sales-managers"
                    unclaimed-after: 30m
                    hold-for: 2h
                    working-hours: { time-zone: America/New_York, start: "09:00", end: "17:30", days: [MON, tue, Wednesday] }
              - name: students
                when: { source-url-prefix: /students }
                then: { priority: LOW, claim: { enabled: false } }
            """
                + DEFAULT_CLAIM);

    ClaimPolicy enterprise = rules.route(leadFrom("/pricing/enterprise")).claim();
    assertThat(enterprise.claimWithin()).isEqualTo(Duration.ofMinutes(5));
    assertThat(enterprise.escalateTo()).isEqualTo("#sales-managers");
    assertThat(enterprise.unclaimedAfter()).isEqualTo(Duration.ofMinutes(30));
    assertThat(enterprise.holdFor()).isEqualTo(Duration.ofHours(2));
    assertThat(enterprise.workingHours().timeZone()).isEqualTo("America/New_York");
    assertThat(enterprise.workingHours().end()).isEqualTo(LocalTime.of(17, 30));
    assertThat(enterprise.workingHours().days())
        .containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
    assertThat(rules.route(leadFrom("/students/offer")).claim()).isNull();
  }

  @Test
  void aClaimBlockAloneIsAnOutcome() {
    RoutingRules rules =
        RoutingRulesFixtures.fromYaml(
            ruleWithClaim("{ claim-within: 10m, escalate-to: \"<!here>\", unclaimed-after: 1h }"));

    assertThat(rules.route(leadFrom("/pricing")).claim().escalateTo()).isEqualTo("<!here>");
    assertThat(rules.route(leadFrom("/pricing")).claim().workingHours()).isNull();
    assertThat(rules.route(leadFrom("/blog")).claim()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{ escalate-to: \"#managers\", unclaimed-after: 1h }"
            + "|rule 'enterprise': then.claim.claim-within is required; expected a duration",
        "{ claim-within: 0s, escalate-to: \"#managers\", unclaimed-after: 1h }"
            + "|rule 'enterprise': then.claim.claim-within '0s' is not positive",
        "{ claim-within: -5m, escalate-to: \"#managers\", unclaimed-after: 1h }"
            + "|rule 'enterprise': then.claim.claim-within '-5m' is not positive",
        "{ claim-within: 10m, escalate-to: \"#managers\", unclaimed-after: 1h, hold-for: 0s }"
            + "|rule 'enterprise': then.claim.hold-for '0s' is not positive",
        "{ claim-within: 1h, escalate-to: \"#managers\", unclaimed-after: 30m }"
            + "|rule 'enterprise': then.claim.unclaimed-after '30m' is not after claim-within '1h'",
        "{ claim-within: 10m, unclaimed-after: 1h }"
            + "|rule 'enterprise': then.claim.escalate-to is required; expected a channel",
        "{ claim-within: 10m, escalate-to: \"@sales-managers\", unclaimed-after: 1h }"
            + "|rule 'enterprise': then.claim.escalate-to '@sales-managers' is invalid; expected a"
            + " channel such as \"#sales-managers\"",
        "{ claim-within: 10m, escalate-to: \"#managers\", unclaimed-after: 1h, working-hours: {"
            + " time-zone: Europe/Atlantis, start: \"08:00\", end: \"18:00\" } }"
            + "|rule 'enterprise': then.claim.working-hours.time-zone 'Europe/Atlantis' is not a"
            + " known time zone",
        "{ claim-within: 10m, escalate-to: \"#managers\", unclaimed-after: 1h, working-hours: {"
            + " time-zone: Europe/Berlin, start: \"18:00\", end: \"08:00\" } }"
            + "|rule 'enterprise': then.claim.working-hours.end '08:00' is not after start '18:00'",
        "{ claim-within: 10m, escalate-to: \"#managers\", unclaimed-after: 1h, working-hours: {"
            + " time-zone: Europe/Berlin, start: \"8 am\", end: \"18:00\" } }"
            + "|rule 'enterprise': then.claim.working-hours.start '8 am' is not a time",
        "{ claim-within: 10m, escalate-to: \"#managers\", unclaimed-after: 1h, working-hours: {"
            + " time-zone: Europe/Berlin, start: \"08:00\", end: \"18:00\", days: [MON, FUN] } }"
            + "|rule 'enterprise': then.claim.working-hours.days names unknown day 'FUN'",
        "{ claim-within: ten minutes, escalate-to: \"#managers\", unclaimed-after: 1h }"
            + "|rule 'enterprise': then.claim.claim-within 'ten minutes' is invalid",
        "{ claim-within: 10m, escalate-to: \"#managers\", unclaimed-after: 1h, escalate-after: 5m }"
            + "|rule 'enterprise': then.claim.escalate-after is not a known key; expected one of"
      })
  void invalidClaimBlockStopsStartUpNamingTheRuleAndField(String claim, String problem) {
    assertRejected(ruleWithClaim(claim), problem);
  }

  @Test
  void invalidDefaultClaimBlockIsNamedByItsPath() {
    assertRejected(
        DEFAULT_CLAIM.replace("unclaimed-after: 1h", "unclaimed-after: 5m"),
        "default.claim.unclaimed-after '5m' is not after claim-within '10m'");
  }
}
