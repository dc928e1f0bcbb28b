package com.leadprocessor.connector.enrichment;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import com.leadprocessor.workflow.enrichment.UserAgentDetails;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua_parser.Client;
import ua_parser.Parser;

/** The visitor's browser, operating system and device, in the words of the uap-core parser. */
@Component
@Order(300)
public class UserAgentSource implements EnrichmentSource {

  /**
   * Parsing tries the parser's few hundred regular expressions one by one (7% of the worker's CPU
   * in the benchmark's profile), and visitors share a small set of browsers, so the last thousand
   * answers are kept.
   */
  private static final int CACHE_SIZE = 1000;

  private final LoadingCache<String, Client> clients;

  public UserAgentSource(Parser parser) {
    this.clients = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build(parser::parse);
  }

  @Override
  public String name() {
    return "user agent";
  }

  @Override
  public EnrichmentContribution enrich(EnrichmentInput input) {
    String userAgent = input.event().metadata().userAgent();
    if (userAgent == null || userAgent.isBlank()) {
      return EnrichmentContribution.unavailable("not sent");
    }
    Client client = clients.get(userAgent);
    return EnrichmentContribution.of(
        new UserAgentDetails(
            withVersion(client.userAgent.family, client.userAgent.major),
            withVersion(client.os.family, client.os.major, client.os.minor),
            client.device.family));
  }

  /** "Chrome 118", "Windows 10", "iOS 17.0": the family and the version parts the parser found. */
  private static String withVersion(String family, String... versionParts) {
    String version =
        Stream.of(versionParts)
            .takeWhile(part -> part != null && !part.isEmpty())
            .collect(Collectors.joining("."));
    return version.isEmpty() ? family : family + " " + version;
  }
}
