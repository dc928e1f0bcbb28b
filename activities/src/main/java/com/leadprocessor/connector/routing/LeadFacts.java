package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.enrichment.Company;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * What routing conditions look at.
 *
 * @param topics the topics of the visitor's question, nearest first
 * @param sourcePath the path of the page the visitor was on; the URL's path when the chatbot sent a
 *     full URL; null when not sent
 * @param emailKind null when verification did not tell
 * @param companySize the company's employee band; null when not known, as are the next two
 * @param industry the company's industry
 * @param country the company's ISO 3166 country code, upper case
 */
public record LeadFacts(
    List<String> topics,
    String sourcePath,
    EmailKind emailKind,
    String companySize,
    String industry,
    String country) {

  public LeadFacts {
    topics = List.copyOf(topics);
  }

  /** Facts without a company. */
  public LeadFacts(List<String> topics, String sourcePath, EmailKind emailKind) {
    this(topics, sourcePath, emailKind, null, null, null);
  }

  static LeadFacts of(List<String> topics, String sourcePath, EmailKind kind, Company company) {
    if (company == null) {
      return new LeadFacts(topics, sourcePath, kind);
    }
    String country = company.country() == null ? null : company.country().toUpperCase(Locale.ROOT);
    return new LeadFacts(topics, sourcePath, kind, company.size(), company.industry(), country);
  }

  /** The path of a source URL that may be a full URL or already a path. */
  static String pathOf(String sourceUrl) {
    if (sourceUrl == null || sourceUrl.isBlank()) {
      return null;
    }
    String trimmed = sourceUrl.strip();
    if (trimmed.startsWith("/")) {
      return trimmed;
    }
    try {
      URI uri = new URI(trimmed);
      if (uri.getScheme() != null && uri.getRawPath() != null) {
        return uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      }
    } catch (URISyntaxException e) {
      // Not a URL: conditions then see the value as sent.
    }
    return trimmed;
  }
}
