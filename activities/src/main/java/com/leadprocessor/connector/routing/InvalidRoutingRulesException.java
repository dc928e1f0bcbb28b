package com.leadprocessor.connector.routing;

import java.util.List;

/** The routing rules file cannot be used; the message lists every problem found in it. */
public class InvalidRoutingRulesException extends IllegalStateException {

  private final List<String> problems;

  InvalidRoutingRulesException(String location, List<String> problems) {
    super(
        "Invalid routing rules in %s (set by %s):%n  - %s"
            .formatted(
                location,
                RoutingProperties.RULES_FILE_PROPERTY,
                String.join(System.lineSeparator() + "  - ", problems)));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, naming where it is in the file and what is expected there. */
  public List<String> problems() {
    return problems;
  }
}
