package com.leadprocessor.connector.routing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * What routing conditions look at.
 *
 * @param topics the topics found in the visitor's question
 * @param sourcePath the path of the page the visitor was on; the URL's path when the chatbot sent a
 *     full URL; null when not sent
 * @param emailKind null when verification did not tell
 */
public record LeadFacts(List<String> topics, String sourcePath, EmailKind emailKind) {

  public LeadFacts {
    topics = List.copyOf(topics);
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
