package com.leadprocessor.api.review;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one non-blank {@code leads.review.api-tokens} entry is configured. Without
 * a token the review controllers are not even registered, so their paths answer 404 like any
 * unknown path instead of revealing an API that nobody can call.
 */
public class ReviewApiEnabledCondition extends SpringBootCondition {

  static final String PROPERTY = "leads.review.api-tokens";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    List<String> tokens =
        Binder.get(context.getEnvironment())
            .bind(PROPERTY, Bindable.listOf(String.class))
            .orElse(List.of());
    return tokens.stream().anyMatch(token -> token != null && !token.isBlank())
        ? ConditionOutcome.match(PROPERTY + " is set")
        : ConditionOutcome.noMatch(PROPERTY + " is not set: the review API is disabled");
  }
}
