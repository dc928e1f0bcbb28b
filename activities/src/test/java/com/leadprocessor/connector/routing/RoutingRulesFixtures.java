package com.leadprocessor.connector.routing;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** Rules files for tests: the one this module ships, and ones written in a test. */
final class RoutingRulesFixtures {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private RoutingRulesFixtures() {}

  /** The shipped rules, with no environment variables set. */
  static RoutingRules shipped() {
    return shipped(new MockEnvironment());
  }

  static RoutingRules shipped(MockEnvironment environment) {
    return RoutingRulesReader.read(
        "classpath:routing-rules.yml",
        new ClassPathResource("routing-rules.yml"),
        environment,
        VALIDATOR);
  }

  /** Rules from YAML text, as if read from {@code test-rules.yml}. */
  static RoutingRules fromYaml(String yaml) {
    return RoutingRulesReader.read(
        "test-rules.yml",
        new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)),
        new MockEnvironment(),
        VALIDATOR);
  }
}
