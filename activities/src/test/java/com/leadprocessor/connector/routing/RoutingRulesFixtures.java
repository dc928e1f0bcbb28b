package com.leadprocessor.connector.routing;

import dev.langchain4j.model.embedding.EmbeddingModel;
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

  /** The embedding model, loaded once for every test in the JVM. */
  static final EmbeddingModel MODEL = new OneThreadEmbeddingModel();

  /** Matches by meaning, with the shared model. */
  static final RoutingRulesFile.MatcherFactory BY_MEANING =
      (topics, matching) -> new MeaningTopicMatcher(MODEL, topics, matching);

  /** Matches by keywords only, as routing did before topics had examples. */
  static final RoutingRulesFile.MatcherFactory BY_KEYWORDS =
      RoutingConfiguration.matcherFactory(RoutingProperties.MatchBy.KEYWORDS);

  private RoutingRulesFixtures() {}

  /** The shipped rules, with no environment variables set. */
  static RoutingRules shipped() {
    return shipped(new MockEnvironment());
  }

  static RoutingRules shipped(MockEnvironment environment) {
    return shipped(environment, BY_MEANING);
  }

  static RoutingRules shipped(MockEnvironment environment, RoutingRulesFile.MatcherFactory by) {
    return RoutingRulesReader.read(
        "classpath:routing-rules.yml",
        new ClassPathResource("routing-rules.yml"),
        environment,
        VALIDATOR,
        by);
  }

  /** Rules from YAML text, as if read from {@code test-rules.yml}. */
  static RoutingRules fromYaml(String yaml) {
    return RoutingRulesReader.read(
        "test-rules.yml",
        new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)),
        new MockEnvironment(),
        VALIDATOR,
        BY_MEANING);
  }
}
