package com.leadprocessor.connector.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoutingRulesValidationTest {

  private static final String DEFAULT =
      "default: { slack-channel: \"#sales-leads\", priority: NORMAL }\n";
  private static final String TOPICS =
      "topics: { api: { examples: [\"Do you have an API?\"] }, pricing: { examples: [\"How much?\"] } }\n";

  private static void assertRejected(String yaml, String... expectedProblems) {
    assertThatThrownBy(() -> RoutingRulesFixtures.fromYaml(yaml))
        .isInstanceOf(InvalidRoutingRulesException.class)
        .hasMessageStartingWith(
            "Invalid routing rules in test-rules.yml (set by leads.routing.rules-file):")
        .hasMessageContainingAll(expectedProblems);
  }

  @Test
  void unknownTopicIsRejectedNamingTheKnownOnes() {
    assertRejected(
        TOPICS
            + "rules: [{ name: api, when: { topics-any: [apis] }, then: { priority: HIGH } }]\n"
            + DEFAULT,
        "rule 'api': when.topics-any names unknown topic 'apis'; expected one of the topics"
            + " defined under 'topics': [api, pricing]");
  }

  @Test
  void invalidRegularExpressionIsRejected() {
    assertRejected(
        "rules: [{ name: docs, when: { source-url-pattern: \"^/docs/(api\" }, then: { priority: HIGH } }]\n"
            + DEFAULT,
        "rule 'docs': when.source-url-pattern '^/docs/(api' is not a valid regular expression"
            + " (Unclosed group near index");
  }

  @Test
  void ruleWithoutConditionIsRejected() {
    assertRejected(
        "rules: [{ name: everyone, then: { priority: HIGH } }]\n" + DEFAULT,
        "rule 'everyone': when has no condition; expected at least one of [topics-any,"
            + " source-url-prefix, source-url-pattern, email-kind, company-size-any, industry-any,"
            + " country-any]");
  }

  @Test
  void ruleWithoutOutcomeIsRejected() {
    assertRejected(
        "rules: [{ name: pricing-page, when: { source-url-prefix: /pricing }, then: {} }]\n"
            + DEFAULT,
        "rule 'pricing-page': then sets nothing; expected at least one of [slack-channel,"
            + " salesforce-owner-id, priority]");
  }

  @Test
  void invalidPriorityIsRejected() {
    assertRejected(
        "rules: [{ name: hot, when: { source-url-prefix: /demo }, then: { priority: HIHG } }]\n"
            + DEFAULT,
        "rule 'hot': then.priority 'HIHG' is invalid; expected one of [LOW, NORMAL, HIGH, URGENT]");
  }

  @Test
  void channelWithoutHashIsRejected() {
    assertRejected(
        "rules: [{ name: api, when: { source-url-prefix: /docs }, then: { slack-channel: dev-sales } }]\n"
            + DEFAULT,
        "rule 'api': then.slack-channel 'dev-sales' is invalid; expected a channel name starting"
            + " with '#'",
        "or a Slack channel id (for example C0123456789)");
  }

  @Test
  void unquotedChannelIsExplainedAsAYamlComment() {
    assertRejected(
        "rules:\n  - name: api\n    when: { source-url-prefix: /docs }\n    then:\n      slack-channel: #dev-sales\n"
            + DEFAULT,
        "rule 'api': then.slack-channel is empty; expected a channel such as \"#dev-sales\" in"
            + " quotes, because an unquoted # starts a YAML comment");
  }

  @Test
  void slackChannelIdIsAccepted() {
    RoutingRules rules =
        RoutingRulesFixtures.fromYaml(
            "rules: [{ name: api, when: { source-url-prefix: /docs }, then: { slack-channel: C0123456789 } }]\n"
                + DEFAULT);

    assertThat(rules.rules())
        .singleElement()
        .extracting(rule -> rule.then().slackChannel())
        .isEqualTo("C0123456789");
  }

  @Test
  void duplicateRuleNamesAreRejected() {
    assertRejected(
        "rules:\n"
            + "  - { name: api, when: { source-url-prefix: /a }, then: { priority: HIGH } }\n"
            + "  - { name: api, when: { source-url-prefix: /b }, then: { priority: LOW } }\n"
            + DEFAULT,
        "rule 'api': duplicate rule name; expected each rule name once");
  }

  @Test
  void missingDefaultIsRejected() {
    assertRejected(
        "rules: []\n",
        "default is missing; expected a default outcome with slack-channel and priority");
  }

  @Test
  void defaultWithoutChannelIsRejected() {
    assertRejected(
        "default: { priority: NORMAL }\n",
        "default.slack-channel is required; expected the channel alerted when no rule sets one");
  }

  @Test
  void misspelledKeyIsRejectedRatherThanIgnored() {
    assertRejected(
        "rules: [{ name: ent, when: { source-url-prefx: /pricing }, then: { priority: HIGH } }]\n"
            + DEFAULT,
        "rule 'ent': when.source-url-prefx is not a known key; expected one of [topics-any,"
            + " source-url-prefix, source-url-pattern, email-kind, company-size-any, industry-any,"
            + " country-any]");
  }

  @Test
  void keyWithCharactersBindingWouldDropIsRejected() {
    assertRejected(
        "topics: { \"big deal\": { examples: [\"Is it a big deal?\"] } }\n"
            + "rules: [{ name: ent, when: { source url prefix: /pricing }, then: { priority: HIGH } }]\n"
            + DEFAULT,
        "topics.big deal is not a valid key; expected letters, digits, '-' or '_'",
        "rule 'ent': when.source url prefix is not a valid key");
  }

  @Test
  void ruleWithNoKnownKeyIsNamedWithTheKeysExpected() {
    assertRejected(
        "rules: [{ nmae: a, wen: { source-url-prefix: /a } }]\n" + DEFAULT,
        "rules[0]: has none of the keys [name, when, then]");
  }

  @Test
  void keysMayBeSpelledAsInSpringBootProperties() {
    RoutingRules rules =
        RoutingRulesFixtures.fromYaml(
            "rules: [{ name: docs, when: { sourceUrlPrefix: /docs }, then: { slack_channel: \"#docs\" } }]\n"
                + DEFAULT);

    assertThat(rules.rules().get(0).when().sourceUrlPrefix()).isEqualTo("/docs");
    assertThat(rules.rules().get(0).then().slackChannel()).isEqualTo("#docs");
  }

  @Test
  void invalidOwnerIdIsRejected() {
    assertRejected(
        "rules: [{ name: ent, when: { source-url-prefix: /p }, then: { salesforce-owner-id: queue-1 } }]\n"
            + DEFAULT,
        "rule 'ent': then.salesforce-owner-id 'queue-1' is invalid; expected a 15 or 18 character"
            + " Salesforce user or queue id");
  }

  @Test
  void unresolvablePlaceholderIsRejected() {
    assertRejected(
        "rules: [{ name: ent, when: { source-url-prefix: /p }, then: { salesforce-owner-id: \"${NO_SUCH_QUEUE}\" } }]\n"
            + DEFAULT,
        "rule 'ent': then.salesforce-owner-id has a placeholder that cannot be resolved (Could not"
            + " resolve placeholder 'NO_SUCH_QUEUE'",
        "expected a value, or a placeholder with a default such as ${NAME:}");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertRejected(
        "rules: [{ name: a, when: { topics-any: [nope] }, then: { priority: HOT } }]\n",
        "unknown topic 'nope'",
        "then.priority 'HOT' is invalid",
        "default is missing");
  }

  @Test
  void brokenYamlIsRejected() {
    assertRejected("rules: [ { name: a\n", "not valid YAML:");
  }

  @Test
  void topicWithoutExamplesIsRejectedNamingTheTopic() {
    assertRejected(
        "topics: { migration: { keywords: [migrate] } }\n" + DEFAULT,
        "topics.migration.examples has no examples; expected a few questions a visitor might ask"
            + " about the topic");
  }

  @Test
  void topicInTheKeywordListFormatIsRejectedAsHavingNoExamples() {
    assertRejected("topics: { api: [api, webhook] }\n" + DEFAULT, "topics.api", "expected");
  }

  @Test
  void thresholdOutOfRangeIsRejectedNamingTheField() {
    assertRejected(
        "matching: { threshold: 1.5 }\n"
            + "topics: { api: { examples: [\"Do you have an API?\"], threshold: -0.1 } }\n"
            + DEFAULT,
        "matching.threshold '1.5' is out of range; expected 0 to 1",
        "topics.api.threshold '-0.1' is out of range; expected 0 to 1");
  }

  @Test
  void unknownIndustryIsRejectedNamingTheRuleAndField() {
    assertRejected(
        "rules: [{ name: fintech, when: { industry-any: [Fintech] }, then: { priority: HIGH } }]\n"
            + DEFAULT,
        "rule 'fintech': when.industry-any names unknown industry 'Fintech'; expected a GICS"
            + " industry name");
  }

  @Test
  void unknownSizeBandAndCountryAreRejectedNamingTheRuleAndField() {
    assertRejected(
        "rules: [{ name: big-uk, when: { company-size-any: [1000+], country-any: [UK] },"
            + " then: { priority: HIGH } }]\n"
            + DEFAULT,
        "rule 'big-uk': when.company-size-any names unknown employee band '1000+'; expected one"
            + " of [1-10,",
        "rule 'big-uk': when.country-any names unknown country 'UK'; expected ISO 3166 two-letter"
            + " codes");
  }

  @Test
  void companyConditionsWithKnownNamesAreAccepted() {
    RoutingRules rules =
        RoutingRulesFixtures.fromYaml(
            "rules: [{ name: dach-banks, when: { industry-any: [banks], country-any: [de, AT] },"
                + " then: { slack-channel: \"#dach\" } }]\n"
                + DEFAULT);

    assertThat(rules.rules().get(0).when().countryAny()).containsExactly("DE", "AT");
  }
}
