package com.leadprocessor.connector.routing;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.regex.Pattern;

/**
 * When a rule applies. Every condition that is set must hold; an unset condition is null.
 *
 * @param topicsAny the rule applies when the question mentions any of these topics
 * @param sourceUrlPrefix the source page's path starts with this
 * @param sourceUrlPattern a regular expression found in the source page's path
 * @param emailKind a business or a free mail address
 */
public record RuleCondition(
    @Size(min = 1, message = "is empty; expected a list of topic names such as [api]")
        List<String> topicsAny,
    @jakarta.validation.constraints.Pattern(
            regexp = "/.*",
            message =
                "'${validatedValue}' is invalid; expected a path starting with '/', for example"
                    + " /pricing/enterprise")
        String sourceUrlPrefix,
    Pattern sourceUrlPattern,
    EmailKind emailKind) {

  public RuleCondition {
    topicsAny = topicsAny == null ? null : List.copyOf(topicsAny);
  }

  /** Whether the lead meets every condition set. */
  public boolean matches(LeadFacts lead) {
    if (topicsAny != null
        && !topicsAny.isEmpty()
        && topicsAny.stream().noneMatch(lead.topics()::contains)) {
      return false;
    }
    if (sourceUrlPrefix != null
        && (lead.sourcePath() == null || !lead.sourcePath().startsWith(sourceUrlPrefix))) {
      return false;
    }
    if (sourceUrlPattern != null
        && (lead.sourcePath() == null || !sourceUrlPattern.matcher(lead.sourcePath()).find())) {
      return false;
    }
    return emailKind == null || emailKind == lead.emailKind();
  }
}
