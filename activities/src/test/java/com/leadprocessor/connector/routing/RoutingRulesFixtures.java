package com.leadprocessor.connector.routing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** Rules files for tests: the one this module ships, and ones written in a test. */
final class RoutingRulesFixtures {

  private RoutingRulesFixtures() {}

  /** The shipped rules, with no environment variables set. */
  static RoutingRules shipped() {
    return shipped(new MockEnvironment());
  }

  static RoutingRules shipped(MockEnvironment environment) {
    try (InputStream yaml = new ClassPathResource("routing-rules.yml").getInputStream()) {
      return RoutingRulesParser.parse(
          "classpath:routing-rules.yml", yaml, environment::resolveRequiredPlaceholders);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rules from YAML text, as if read from {@code test-rules.yml}. */
  static RoutingRules fromYaml(String yaml) {
    return RoutingRulesParser.parse(
        "test-rules.yml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        new MockEnvironment()::resolveRequiredPlaceholders);
  }
}
