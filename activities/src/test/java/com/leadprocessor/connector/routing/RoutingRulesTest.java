package com.leadprocessor.connector.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.ExampleLead;
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
        .isEqualTo(
            new Route("enterprise+api", "#dev-sales", null, LeadPriority.HIGH, List.of("api")));
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
        .isEqualTo(new Route("default", "#sales-leads", null, LeadPriority.NORMAL, List.of()));
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
            lead(
                "Can I get a call?",
                "https://www.acme.io/pricing/enterprise?plan=x",
                BUSINESS_EMAIL));

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
        shipped.route(lead("How does your API compare to X?", "/pricing/enterprise", FREE_EMAIL));

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
            topics: { pricing: [price] }
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
}
