package com.leadprocessor.api.slack;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code leads.slack.signing-secret} is set. Without it the interactivity endpoint is
 * not registered, so its path answers 404 like any unknown path: an endpoint that cannot verify
 * Slack's signature must not exist.
 */
class SlackInteractivityEnabledCondition extends SpringBootCondition {

  static final String PROPERTY = "leads.slack.signing-secret";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String secret = context.getEnvironment().getProperty(PROPERTY);
    return secret != null && !secret.isBlank()
        ? ConditionOutcome.match(PROPERTY + " is set")
        : ConditionOutcome.noMatch(PROPERTY + " is not set: Slack interactivity is off");
  }
}
