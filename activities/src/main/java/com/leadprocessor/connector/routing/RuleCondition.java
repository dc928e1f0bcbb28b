package com.leadprocessor.connector.routing;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a rule applies. Every condition that is set must hold; an unset condition is null. A company
 * condition does not hold for a lead whose company enrichment did not find.
 *
 * @param topicsAny the rule applies when the question is on any of these topics
 * @param sourceUrlPrefix the source page's path starts with this
 * @param sourceUrlPattern a regular expression found in the source page's path
 * @param emailKind a business or a free mail address
 * @param companySizeAny the company's employee band is one of these, such as {@code 251-1K}
 * @param industryAny the company's industry is one of these GICS industry names, ignoring case
 * @param countryAny the company's country is one of these ISO 3166 codes, such as {@code DE}
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
    EmailKind emailKind,
    @Size(min = 1, message = "is empty; expected a list of employee bands such as [251-1K]")
        List<String> companySizeAny,
    @Size(min = 1, message = "is empty; expected a list of industries such as [Software]")
        List<String> industryAny,
    @Size(min = 1, message = "is empty; expected a list of country codes such as [DE, FR]")
        List<String> countryAny) {

  /** The condition keys, for messages. */
  static final String KEYS =
      "[topics-any, source-url-prefix, source-url-pattern, email-kind, company-size-any,"
          + " industry-any, country-any]";

  public RuleCondition {
    topicsAny = topicsAny == null ? null : List.copyOf(topicsAny);
    companySizeAny = companySizeAny == null ? null : List.copyOf(companySizeAny);
    industryAny = industryAny == null ? null : List.copyOf(industryAny);
    countryAny =
        countryAny == null
            ? null
            : countryAny.stream().map(code -> code.strip().toUpperCase(Locale.ROOT)).toList();
  }

  /** Whether the condition looks at the company. */
  boolean needsCompany() {
    return companySizeAny != null || industryAny != null || countryAny != null;
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
    if (emailKind != null && emailKind != lead.emailKind()) {
      return false;
    }
    // A company condition never holds for an unknown company (and List.copyOf refuses null).
    if (companySizeAny != null
        && (lead.companySize() == null || !companySizeAny.contains(lead.companySize()))) {
      return false;
    }
    if (industryAny != null
        && industryAny.stream().noneMatch(industry -> industry.equalsIgnoreCase(lead.industry()))) {
      return false;
    }
    return countryAny == null || (lead.country() != null && countryAny.contains(lead.country()));
  }
}
