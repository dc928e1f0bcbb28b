package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.routing.RoutingInput;
import com.leadprocessor.workflow.verification.VerificationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing rules in force, as loaded and validated from the rules file. Rules are evaluated in
 * order; for each outcome field the first matching rule that sets it wins, and the default fills
 * what no matching rule set.
 */
public record RoutingRules(List<Topic> topics, List<RoutingRule> rules, RouteOutcome defaults) {

  /** The rule name of a route no rule matched. */
  public static final String DEFAULT_RULE = "default";

  public RoutingRules {
    topics = List.copyOf(topics);
    rules = List.copyOf(rules);
  }

  /** Routes a lead. */
  public Route route(RoutingInput input) {
    LeadFacts lead = factsOf(input);
    List<String> matched = new ArrayList<>();
    String channel = null;
    String owner = null;
    LeadPriority priority = null;
    for (RoutingRule rule : rules) {
      if (!rule.when().matches(lead)) {
        continue;
      }
      matched.add(rule.name());
      RouteOutcome then = rule.then();
      channel = channel != null ? channel : then.slackChannel();
      owner = owner != null ? owner : then.salesforceOwnerId();
      priority = priority != null ? priority : then.priority();
    }
    return new Route(
        matched.isEmpty() ? DEFAULT_RULE : String.join("+", matched),
        channel != null ? channel : defaults.slackChannel(),
        owner != null ? owner : defaults.salesforceOwnerId(),
        priority != null ? priority : defaults.priority(),
        lead.topics());
  }

  /** The topics the text mentions, in the order the rules file lists them. */
  public List<String> topicsIn(String text) {
    return topics.stream().filter(topic -> topic.foundIn(text)).map(Topic::name).toList();
  }

  private LeadFacts factsOf(RoutingInput input) {
    VerificationResult verification = input.verification();
    EmailKind emailKind =
        verification == null || !verification.accepted()
            ? null
            : verification.freeEmailProvider() ? EmailKind.FREE : EmailKind.BUSINESS;
    return new LeadFacts(
        topicsIn(input.event().triggerQuery()),
        LeadFacts.pathOf(input.event().metadata().sourceUrl()),
        emailKind);
  }
}
