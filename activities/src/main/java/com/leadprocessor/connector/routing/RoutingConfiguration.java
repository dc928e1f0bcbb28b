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

/** Loads the routing rules once, at start-up, so a broken rules file stops the worker. */
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
    try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
      RoutingRules rules =
          RoutingRulesReader.read(location, resource, environment, validation.getValidator());
      log.info(
          "Loaded {} routing rules and {} topics from {}",
          rules.rules().size(),
          rules.topics().size(),
          location);
      return rules;
    }
  }
}
