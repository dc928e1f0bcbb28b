package com.leadprocessor.connector.routing;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the routing rules come from.
 *
 * @param rulesFile the YAML rules, as a Spring resource location ({@code classpath:...}, {@code
 *     file:...}); the default ships with this module
 */
@Validated
@ConfigurationProperties("leads.routing")
public record RoutingProperties(
    @NotBlank @DefaultValue(RoutingProperties.DEFAULT_RULES_FILE) String rulesFile) {

  public static final String DEFAULT_RULES_FILE = "classpath:routing-rules.yml";

  /** The name of the property, for error messages. */
  static final String RULES_FILE_PROPERTY = "leads.routing.rules-file";
}
