package com.leadprocessor.workflow.routing;

import java.util.List;

/**
 * Where a lead goes.
 *
 * @param rule the names of the matching rules joined by {@code +} (or {@code default}), shown as
 *     the {@code LeadRoute} search attribute
 * @param slackChannel the channel to alert, for example {@code #dev-sales}
 * @param salesforceOwnerId the Salesforce user or queue id that owns the Lead; null to let the
 *     org's assignment rules decide
 * @param topics the topics found in the visitor's question, for example {@code api}
 */
public record Route(
    String rule,
    String slackChannel,
    String salesforceOwnerId,
    LeadPriority priority,
    List<String> topics) {

  public Route {
    topics = topics == null ? List.of() : List.copyOf(topics);
  }

  /** The same route with another channel or owner, as a reviewer corrects it; nulls keep. */
  public Route correctedWith(String channel, String ownerId) {
    return new Route(
        rule,
        channel == null ? slackChannel : channel,
        ownerId == null ? salesforceOwnerId : ownerId,
        priority,
        topics);
  }
}
