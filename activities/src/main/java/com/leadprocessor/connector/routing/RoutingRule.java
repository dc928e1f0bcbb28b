package com.leadprocessor.connector.routing;

/** A named routing rule: when its condition holds, its outcome applies. */
public record RoutingRule(String name, RuleCondition when, RouteOutcome then) {}
