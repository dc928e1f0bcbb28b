package com.leadprocessor.connector.routing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * When a rule applies. Every condition that is set must hold; an unset condition is null or empty.
 *
 * @param topicsAny the rule applies when the question mentions any of these topics
 * @param sourceUrlPrefix the source page's path starts with this
 * @param sourceUrlPattern a regular expression found in the source page's path
 * @param emailKind a business or a free mail address
 */
public record RuleCondition(
    List<String> topicsAny, String sourceUrlPrefix, Pattern sourceUrlPattern, EmailKind emailKind) {

  public RuleCondition {
    topicsAny = topicsAny == null ? List.of() : List.copyOf(topicsAny);
  }

  boolean isEmpty() {
    return topicsAny.isEmpty()
        && sourceUrlPrefix == null
        && sourceUrlPattern == null
        && emailKind == null;
  }

  /** Whether the lead meets every condition set. */
  public boolean matches(LeadFacts lead) {
    if (!topicsAny.isEmpty() && topicsAny.stream().noneMatch(lead.topics()::contains)) {
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
