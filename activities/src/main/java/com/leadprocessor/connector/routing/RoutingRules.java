package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.routing.RoutingInput;
import com.leadprocessor.workflow.routing.TopicMatch;
import com.leadprocessor.workflow.verification.VerificationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing rules in force, as loaded and validated from the rules file. Rules are evaluated in
 * order; for each outcome field the first matching rule that sets it wins, and the default fills
 * what no matching rule set.
 *
 * @param matcher finds the topics of a question: by meaning, or by keywords only
 */
public record RoutingRules(
    List<Topic> topics, List<RoutingRule> rules, RouteOutcome defaults, TopicMatcher matcher) {

  /** The rule name of a route no rule matched. */
  public static final String DEFAULT_RULE = "default";

  /** How long the enrichment reason quoted in a route's caveat may be. */
  private static final int MAX_REASON = 160;

  public RoutingRules {
    topics = List.copyOf(topics);
    rules = List.copyOf(rules);
  }

  /** Routes a lead. */
  public Route route(RoutingInput input) {
    Enrichment enrichment = input.enrichment();
    List<TopicMatch> matches =
        matcher.match(
            input.event().triggerQuery(),
            enrichment == null ? null : enrichment.transcriptExcerpt());
    LeadFacts lead = factsOf(input, matches.stream().map(TopicMatch::topic).toList());
    List<String> matched = new ArrayList<>();
    String channel = null;
    String owner = null;
    LeadPriority priority = null;
    ClaimSettings claim = null;
    for (RoutingRule rule : rules) {
      if (!rule.when().matches(lead)) {
        continue;
      }
      matched.add(rule.name());
      RouteOutcome then = rule.then();
      channel = channel != null ? channel : then.slackChannel();
      owner = owner != null ? owner : then.salesforceOwnerId();
      priority = priority != null ? priority : then.priority();
      claim = claim != null ? claim : then.claim();
    }
    claim = claim != null ? claim : defaults.claim();
    return new Route(
        matched.isEmpty() ? DEFAULT_RULE : String.join("+", matched),
        channel != null ? channel : defaults.slackChannel(),
        owner != null ? owner : defaults.salesforceOwnerId(),
        priority != null ? priority : defaults.priority(),
        lead.topics(),
        matches.isEmpty() ? null : matches.get(0),
        caveatOf(enrichment),
        claim == null || claim.off() ? null : claim.toPolicy());
  }

  /** The topics of the text, nearest first. */
  public List<String> topicsIn(String text) {
    return matcher.match(text, null).stream().map(TopicMatch::topic).toList();
  }

  /**
   * What routing could not see: the company, when enrichment failed or found none for a reason it
   * gave. Company conditions then do not hold, and the lead is routed on what is known.
   */
  private static String caveatOf(Enrichment enrichment) {
    if (enrichment == null || enrichment.company() != null || enrichment.unavailable().isEmpty()) {
      return null;
    }
    String reasons = String.join("; ", enrichment.unavailable());
    if (reasons.length() > MAX_REASON) {
      reasons = reasons.substring(0, MAX_REASON - 1) + "…";
    }
    return "routed without the company's size, industry and country (" + reasons + ")";
  }

  private static LeadFacts factsOf(RoutingInput input, List<String> topics) {
    VerificationResult verification = input.verification();
    EmailKind emailKind =
        verification == null || !verification.accepted()
            ? null
            : verification.freeEmailProvider() ? EmailKind.FREE : EmailKind.BUSINESS;
    Company company = input.enrichment() == null ? null : input.enrichment().company();
    return LeadFacts.of(
        topics, LeadFacts.pathOf(input.event().metadata().sourceUrl()), emailKind, company);
  }
}
