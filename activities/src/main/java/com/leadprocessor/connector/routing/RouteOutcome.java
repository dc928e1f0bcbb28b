package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.routing.LeadPriority;

/**
 * What a rule decides; a null field leaves it to the next matching rule or the default.
 *
 * @param salesforceOwnerId a Salesforce user or queue id; null lets the org's assignment rules
 *     decide
 */
public record RouteOutcome(String slackChannel, String salesforceOwnerId, LeadPriority priority) {}
