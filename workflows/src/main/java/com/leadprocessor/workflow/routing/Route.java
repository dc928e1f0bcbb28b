package com.leadprocessor.workflow.routing;

import com.leadprocessor.workflow.claim.ClaimPolicy;
import java.util.List;

/**
 * Where a lead goes.
 *
 * @param rule the names of the matching rules joined by {@code +} (or {@code default}), shown as
 *     the {@code LeadRoute} search attribute
 * @param slackChannel the channel to alert, for example {@code #dev-sales}
 * @param salesforceOwnerId the Salesforce user or queue id that owns the Lead; null to let the
 *     org's assignment rules decide
 * @param topics the topics found in the visitor's question, nearest first, for example {@code api}
 * @param match why the first topic was found; null when no topic was
 * @param caveat what routing could not look at, for example the company when enrichment failed;
 *     null when it saw everything a rule asks about
 * @param claim how long the lead may wait for a claim and where it escalates; null when the route
 *     asks for no claim (the lead completes once alerted, as before claims existed)
 */
public record Route(
    String rule,
    String slackChannel,
    String salesforceOwnerId,
    LeadPriority priority,
    List<String> topics,
    TopicMatch match,
    String caveat,
    ClaimPolicy claim) {

  public Route {
    topics = topics == null ? List.of() : List.copyOf(topics);
  }

  /** A route with no explanation of its topic. */
  public Route(
      String rule,
      String slackChannel,
      String salesforceOwnerId,
      LeadPriority priority,
      List<String> topics) {
    this(rule, slackChannel, salesforceOwnerId, priority, topics, null, null, null);
  }

  /** A route that asks for no claim. */
  public Route(
      String rule,
      String slackChannel,
      String salesforceOwnerId,
      LeadPriority priority,
      List<String> topics,
      TopicMatch match,
      String caveat) {
    this(rule, slackChannel, salesforceOwnerId, priority, topics, match, caveat, null);
  }

  /** The same route with another channel or owner, as a reviewer corrects it; nulls keep. */
  public Route correctedWith(String channel, String ownerId) {
    return new Route(
        rule,
        channel == null ? slackChannel : channel,
        ownerId == null ? salesforceOwnerId : ownerId,
        priority,
        topics,
        match,
        caveat,
        claim);
  }

  /** Why the lead took this route, in one line; null when there is nothing to say. */
  public String explanation() {
    String why = match == null ? null : "topic " + match.describe();
    if (caveat == null) {
      return why;
    }
    return why == null ? caveat : why + "; " + caveat;
  }
}
