package com.leadprocessor.connector.routing;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the routing rules once, at start-up, so a broken rules file stops the worker; and, to match
 * by meaning, loads the embedding model and embeds every topic's examples then too.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

  @Bean
  RoutingRules routingRules(
      RoutingProperties properties, ResourceLoader resourceLoader, Environment environment) {
    String location = properties.rulesFile();
    Resource resource = resourceLoader.getResource(location);
    if (!resource.exists()) {
      throw new IllegalStateException(
          "Routing rules file '%s' set by %s does not exist; expected a YAML file at a resource location such as %s or file:/etc/leads/routing-rules.yml"
              .formatted(
                  location,
                  RoutingProperties.RULES_FILE_PROPERTY,
                  RoutingProperties.DEFAULT_RULES_FILE));
    }
    long started = System.nanoTime();
    try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
      RoutingRules rules =
          RoutingRulesReader.read(
              location,
              resource,
              environment,
              validation.getValidator(),
              matcherFactory(properties.matchBy()));
      log.info(
          "Loaded {} routing rules and {} topics from {}, matching topics by {} ({} ms)",
          rules.rules().size(),
          rules.topics().size(),
          location,
          properties.matchBy().name().toLowerCase(java.util.Locale.ROOT),
          (System.nanoTime() - started) / 1_000_000);
      return rules;
    }
  }

  static RoutingRulesFile.MatcherFactory matcherFactory(RoutingProperties.MatchBy matchBy) {
    return switch (matchBy) {
      case KEYWORDS -> (topics, matching) -> new KeywordTopicMatcher(topics);
      // The model is loaded only once the file is valid, and only when topics are matched by it.
      case MEANING ->
          (topics, matching) ->
              new MeaningTopicMatcher(new OneThreadEmbeddingModel(), topics, matching);
    };
  }
}
