package com.leadprocessor.connector.routing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the routing rules come from, and how questions are matched to topics.
 *
 * @param rulesFile the YAML rules, as a Spring resource location ({@code classpath:...}, {@code
 *     file:...}); the default ships with this module
 * @param matchBy {@code meaning} (the default) matches questions to topics by their examples with
 *     the in-process sentence-embedding model and by their keywords; {@code keywords} by keywords
 *     only, without loading the model
 */
@Validated
@ConfigurationProperties("leads.routing")
public record RoutingProperties(
    @NotBlank @DefaultValue(RoutingProperties.DEFAULT_RULES_FILE) String rulesFile,
    @NotNull @DefaultValue("meaning") MatchBy matchBy) {

  public static final String DEFAULT_RULES_FILE = "classpath:routing-rules.yml";

  /** The name of the property, for error messages. */
  static final String RULES_FILE_PROPERTY = "leads.routing.rules-file";

  /** How questions are matched to topics. */
  public enum MatchBy {
    MEANING,
    KEYWORDS
  }
}
