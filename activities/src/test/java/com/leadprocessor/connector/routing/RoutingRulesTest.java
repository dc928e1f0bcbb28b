package com.leadprocessor.connector.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.routing.RoutingInput;
import com.leadprocessor.workflow.verification.VerificationResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RoutingRulesTest {

  private static final VerificationResult BUSINESS_EMAIL =
      VerificationResult.accepted("jane@acme-corp.com", "acme-corp.com", false);
  private static final VerificationResult FREE_EMAIL =
      VerificationResult.accepted("jane@gmail.com", "gmail.com", true);

  private final RoutingRules shipped = RoutingRulesFixtures.shipped();

  private static RoutingInput lead(String question, String sourceUrl, VerificationResult email) {
    LeadCaptureEvent event =
        ExampleLead.event("jane@acme-corp.com", question, sourceUrl, ExampleLead.USER_AGENT);
    return new RoutingInput(event, email);
  }

  @Test
  void designExampleRoutesToDevSalesWithHighPriority() {
    VerificationResult verified =
        VerificationResult.accepted("potential.lead@example.com", "example.com", false);

    Route route =
        new LeadRoutingActivitiesImpl(shipped)
            .route(new RoutingInput(ExampleLead.event(), verified));

    assertThat(route)
        .extracting(Route::rule, Route::slackChannel, Route::priority, Route::topics)
        .containsExactly("enterprise+api", "#dev-sales", LeadPriority.HIGH, List.of("api"));
  }

  @Test
  void enterpriseQueueComesFromTheEnvironmentWhenSet() {
    RoutingRules rules =
        RoutingRulesFixtures.shipped(
            new MockEnvironment()
                .withProperty("SALESFORCE_ENTERPRISE_QUEUE_ID", "00G5e000001AbCdEAK"));

    Route route = rules.route(lead(ExampleLead.QUESTION, "/pricing/enterprise", BUSINESS_EMAIL));

    assertThat(route.salesforceOwnerId()).isEqualTo("00G5e000001AbCdEAK");
  }

  @Test
  void leadNoRuleMatchesTakesTheDefault() {
    Route route = shipped.route(lead("Can I talk to someone?", "/blog/hello", BUSINESS_EMAIL));

    assertThat(route)
        .isEqualTo(
            new Route("default", "#sales-leads", null, LeadPriority.NORMAL, List.of(), null, null));
  }

  @Test
  void topicsAreFoundAsWholeWordsIgnoringCase() {
    assertThat(shipped.topicsIn("Is there a REST  API, and do you have SOC 2?"))
        .containsExactly("api", "security");
    assertThat(shipped.topicsIn("What is the capital of France? I'm rapid.")).isEmpty();
  }

  @Test
  void topicsAnyConditionMatchesAnyListedTopic() {
    Route route = shipped.route(lead("Do you support SAML SSO?", "/features", BUSINESS_EMAIL));

    assertThat(route.rule()).isEqualTo("security");
    assertThat(route.slackChannel()).isEqualTo("#dev-sales");
    assertThat(route.priority()).isEqualTo(LeadPriority.HIGH);
    assertThat(route.topics()).containsExactly("security");
  }

  @Test
  void sourceUrlPrefixConditionMatchesThePathOfAFullUrl() {
    Route route =
        shipped.route(
            lead("Hello", "https://www.acme.io/pricing/enterprise?plan=x", BUSINESS_EMAIL));

    assertThat(route.rule()).isEqualTo("enterprise");
    assertThat(route.priority()).isEqualTo(LeadPriority.HIGH);
    assertThat(route.slackChannel()).isEqualTo("#sales-leads");
  }

  @Test
  void sourceUrlPatternConditionIsARegularExpressionOnThePath() {
    RoutingRules rules =
        RoutingRulesFixtures.fromYaml(
            """
            rules:
              - name: docs
                when: { source-url-pattern: "^/docs/(api|sdk)/" }
                then: { slack-channel: "#docs-leads" }
            default: { slack-channel: "#sales-leads", priority: NORMAL }
            """);

    assertThat(rules.route(lead("Hi", "/docs/sdk/java", BUSINESS_EMAIL)).rule()).isEqualTo("docs");
    assertThat(rules.route(lead("Hi", "/blog/docs/sdk/", BUSINESS_EMAIL)).rule())
        .isEqualTo("default");
  }

  @Test
  void emailKindConditionTellsFreeFromBusinessAddresses() {
    assertThat(shipped.route(lead("Hello", "/", FREE_EMAIL)))
        .extracting(Route::rule, Route::priority)
        .containsExactly("free-mail", LeadPriority.LOW);
    assertThat(shipped.route(lead("Hello", "/", BUSINESS_EMAIL)).rule()).isEqualTo("default");
  }

  @Test
  void firstMatchingRuleThatSetsAFieldWinsIt() {
    Route route =
        shipped.route(
            lead("How does your SDK do versus the others?", "/pricing/enterprise", FREE_EMAIL));

    assertThat(route.rule()).isEqualTo("enterprise+api+competitor+free-mail");
    assertThat(route.priority()).isEqualTo(LeadPriority.HIGH);
    assertThat(route.slackChannel()).isEqualTo("#dev-sales");
    assertThat(route.topics()).containsExactly("api", "competitor");
  }

  @Test
  void allConditionsOfARuleMustHold() {
    RoutingRules rules =
        RoutingRulesFixtures.fromYaml(
            """
            topics: { pricing: { examples: ["What does it cost?"], keywords: [price] } }
            rules:
              - name: enterprise-pricing
                when: { topics-any: [pricing], source-url-prefix: /pricing/enterprise, email-kind: business }
                then: { priority: URGENT }
            default: { slack-channel: "#sales-leads", priority: NORMAL }
            """);

    assertThat(rules.route(lead("What price?", "/pricing/enterprise", BUSINESS_EMAIL)).priority())
        .isEqualTo(LeadPriority.URGENT);
    assertThat(rules.route(lead("What price?", "/pricing/enterprise", FREE_EMAIL)).priority())
        .isEqualTo(LeadPriority.NORMAL);
    assertThat(rules.route(lead("Hello", "/pricing/enterprise", BUSINESS_EMAIL)).priority())
        .isEqualTo(LeadPriority.NORMAL);
  }

  @Test
  void leadWithoutSourcePageOrVerificationMatchesOnlyTopicRules() {
    Route route =
        shipped.route(new RoutingInput(ExampleLead.event("a@b.co", "API?", null, null), null));

    assertThat(route.rule()).isEqualTo("api");
  }

  @Test
  void questionWithoutAnyKeywordIsRoutedByWhatItMeans() {
    Route route =
        shipped.route(
            lead("Can we move ten years of records over from our old CRM?", "/", BUSINESS_EMAIL));

    assertThat(route.topics()).first().isEqualTo("migration");
    assertThat(route.rule()).isEqualTo("competitor");
    assertThat(route.match().by()).isEqualTo("meaning");
    assertThat(route.match().score()).isBetween(0.5, 1.0);
    assertThat(route.match().nearestExample()).isNotBlank();
    assertThat(route.explanation()).startsWith("topic migration 0.");
  }

  @Test
  void competitorQuestionWithoutAComparisonWordFindsTheCompetitorTopic() {
    assertThat(shipped.topicsIn("How do you stack up against Acme?"))
        .first()
        .isEqualTo("competitor");
  }

  @Test
  void keywordIsAnExactOverrideWithScoreOne() {
    Route route = shipped.route(lead("hipaa?", "/", BUSINESS_EMAIL));

    assertThat(route.match())
        .extracting("topic", "score", "by")
        .containsExactly("security", 1.0, "keyword");
    assertThat(route.explanation()).isEqualTo("topic security (keyword \"hipaa\")");
  }

  @Test
  void smallTalkIsOnNoTopic() {
    Route route = shipped.route(lead("Hi there, is anyone around?", "/", BUSINESS_EMAIL));

    assertThat(route.topics()).isEmpty();
    assertThat(route.match()).isNull();
  }

  @Test
  void transcriptExcerptCountsWhenTheQuestionSaysLittle() {
    Enrichment enriched =
        new Enrichment(
            null, null, "visitor: we need SAML single sign-on before legal signs off", List.of());
    Route route =
        shipped.route(
            new RoutingInput(
                ExampleLead.event("jane@acme-corp.com", "Can someone call me?", "/", null),
                BUSINESS_EMAIL,
                enriched));

    assertThat(route.topics()).contains("security");
  }

  @Test
  void companySizeIndustryAndCountryConditionsSeeTheEnrichedCompany() {
    RoutingRules rules =
        RoutingRulesFixtures.fromYaml(
            """
            rules:
              - name: dach-software
                when: { industry-any: [software], country-any: [DE, AT, CH], company-size-any: [251-1K] }
                then: { slack-channel: "#sales-dach" }
            default: { slack-channel: "#sales-leads", priority: NORMAL }
            """);
    Company berlin =
        new Company("Acme GmbH", "acme.de", "251-1K", "Software", "ip-firmographics", "DE");
    Company paris =
        new Company("Acme SAS", "acme.fr", "251-1K", "Software", "ip-firmographics", "FR");

    assertThat(rules.route(enrichedLead(berlin)).slackChannel()).isEqualTo("#sales-dach");
    assertThat(rules.route(enrichedLead(paris)).slackChannel()).isEqualTo("#sales-leads");
  }

  @Test
  void enrichmentOutageRoutesOnWhatIsKnownAndSaysSo() {
    RoutingInput input =
        new RoutingInput(
            ExampleLead.event("jane@acme-corp.com", "How much does it cost?", "/", null),
            BUSINESS_EMAIL,
            Enrichment.none("enrichment failed after its retries: provider answered 503"));

    Route route = shipped.route(input);

    assertThat(route.rule()).isEqualTo("default");
    assertThat(route.topics()).first().isEqualTo("pricing");
    assertThat(route.caveat())
        .isEqualTo(
            "routed without the company's size, industry and country (enrichment failed after"
                + " its retries: provider answered 503)");
    assertThat(route.explanation()).contains("; routed without the company's");
  }

  @Test
  void largeCompanyRuleOfTheShippedFileRaisesThePriority() {
    Company big = new Company("Big Co", "big.com", "10K-50K", "Banks", "ip-firmographics", "US");

    assertThat(shipped.route(enrichedLead(big)))
        .extracting(Route::rule, Route::priority)
        .containsExactly("large-company", LeadPriority.HIGH);
  }

  @Test
  void keywordMatcherKeepsTheOldBehaviour() {
    RoutingRules keywords =
        RoutingRulesFixtures.shipped(new MockEnvironment(), RoutingRulesFixtures.BY_KEYWORDS);

    assertThat(keywords.topicsIn("Can we move ten years of records over from our old CRM?"))
        .isEmpty();
    assertThat(keywords.topicsIn("Do you offer a REST API and SAML?"))
        .containsExactly("api", "security");
  }

  private static RoutingInput enrichedLead(Company company) {
    return new RoutingInput(
        ExampleLead.event("jane@acme-corp.com", "Hello", "/", null),
        BUSINESS_EMAIL,
        new Enrichment(company, null, null, List.of()));
  }
}
