package com.leadprocessor.connector.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.google.common.net.InetAddresses;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The company behind the visitor's IP, from an HTTP firmographics provider that answers in the
 * format of <a href="https://dashboard.clearbit.com/docs#reveal-api">Clearbit Reveal</a> ({@code
 * GET https://reveal.clearbit.com/v1/companies/find?ip={ip}}). That format was chosen because it
 * carries all the things sales asks for in one answer, and several IP-to-company services and
 * in-house proxies imitate it; IPinfo's {@code company} object, the other common shape, has a name,
 * domain and type but no size or industry. Exactly these fields are read:
 *
 * <pre>{@code
 * {"ip": "...", "domain": "acme.com", "type": "company",
 *  "company": {"name": "Acme Corp", "domain": "acme.com",
 *              "metrics": {"employeesRange": "251-1K"},
 *              "category": {"industry": "Internet Software & Services"},
 *              "geo": {"countryCode": "US"}}}
 * }</pre>
 *
 * A {@code null} company, or a {@code 404}, means the provider knows no company for the IP (as with
 * home and mobile connections); that is remembered for {@code negative-cache-ttl}. Private,
 * loopback, link-local, documentation, multicast and other reserved addresses are never sent. Off,
 * and silent in {@link Enrichment#unavailable()}, until {@code leads.enrichment.firmographics.url}
 * is set: a source nobody configured is no news about a lead.
 */
@Component
@Order(100)
public class IpFirmographicsSource implements EnrichmentSource {

  static final String SOURCE = "ip-firmographics";
  private static final int MAX_ANSWER_BYTES = 64 * 1024;
  private static final Logger log = LoggerFactory.getLogger(IpFirmographicsSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the provider answered for an IP.
   *
   * @param company the company, or null when the provider knows none for the IP
   */
  private record Answer(Company company) {}

  private final EnrichmentProperties.Firmographics properties;
  private final EnrichmentHttpClient http;

  /**
   * Recent answers by IP, so a visitor who chats twice costs one lookup; "no company known" expires
   * sooner than a company. Failures are not cached, so the next lead asks again.
   */
  private final Cache<String, Answer> answers;

  @Autowired
  public IpFirmographicsSource(EnrichmentProperties properties) {
    this(properties.firmographics(), Ticker.systemTicker());
  }

  /** With the ticker that expires cached answers, for tests that skip a day. */
  IpFirmographicsSource(EnrichmentProperties.Firmographics properties, Ticker ticker) {
    this.properties = properties;
    this.http =
        new EnrichmentHttpClient(
            properties.connectTimeout(), properties.readTimeout(), MAX_ANSWER_BYTES);
    this.answers =
        Caffeine.newBuilder()
            .maximumSize(properties.cacheSize())
            .expireAfter(
                Expiry.<String, Answer>writing(
                    (ip, answer) ->
                        answer.company() == null
                            ? properties.negativeCacheTtl()
                            : properties.cacheTtl()))
            .ticker(ticker)
            .build();
    if (properties.enabled()) {
      log.info(
          "IP firmographics on: {} (Clearbit Reveal format), answers cached for {}",
          EnrichmentHttpClient.hostOf(URI.create(properties.url().replace("{ip}", "0"))),
          properties.cacheTtl());
    } else {
      log.info("IP firmographics off: leads.enrichment.firmographics.url is not set");
    }
  }

  @Override
  public String name() {
    return "ip firmographics";
  }

  @Override
  public EnrichmentContribution enrich(EnrichmentInput input) {
    if (!properties.enabled()) {
      return EnrichmentContribution.none();
    }
    String ip = input.event().metadata().ipAddress();
    if (ip == null || ip.isBlank()) {
      return EnrichmentContribution.unavailable("no visitor IP sent");
    }
    ip = ip.strip();
    if (!IpAddressRanges.isIpLiteral(ip)) {
      return EnrichmentContribution.unavailable("'" + abbreviated(ip) + "' is not an IP address");
    }
    InetAddress address = IpAddressRanges.parse(ip);
    String kind = IpAddressRanges.nonPublicKind(address);
    if (kind != null) {
      return EnrichmentContribution.unavailable(ip + " is a " + kind + " address, never looked up");
    }
    Answer cached = answers.getIfPresent(InetAddresses.toAddrString(address));
    Answer answer = cached != null ? cached : lookUp(address);
    return answer.company() == null
        ? EnrichmentContribution.unavailable("no company known for " + ip)
        : EnrichmentContribution.of(answer.company());
  }

  /** Asks the provider; failures throw, and are not cached. */
  private Answer lookUp(InetAddress address) {
    String ip = InetAddresses.toAddrString(address);
    URI uri =
        URI.create(
            properties
                .url()
                .replace(
                    EnrichmentProperties.Firmographics.PLACEHOLDER,
                    URLEncoder.encode(ip, StandardCharsets.UTF_8)));
    String host = EnrichmentHttpClient.hostOf(uri);
    Map<String, String> headers =
        properties.token() == null
            ? Map.of("Accept", "application/json")
            : Map.of("Accept", "application/json", "Authorization", "Bearer " + properties.token());
    Answer answer = new Answer(companyIn(http.get(uri, headers), host));
    answers.put(ip, answer);
    return answer;
  }

  private static Company companyIn(EnrichmentHttpClient.Answer answer, String host) {
    if (answer.status() == 404) {
      return null;
    }
    if (answer.status() != 200) {
      throw unavailable(host + " answered HTTP " + answer.status() + hintFor(answer.status()));
    }
    if (answer.truncated()) {
      throw unavailable(host + " answered more than " + MAX_ANSWER_BYTES / 1024 + " KB");
    }
    JsonNode root;
    try {
      root = JSON.readTree(answer.body());
    } catch (IOException e) {
      throw unavailable(host + " answered invalid JSON");
    }
    if (root == null || !root.isObject()) {
      throw unavailable(host + " answered JSON that is not an object");
    }
    JsonNode company = root.path("company");
    if (!company.isObject()) {
      return null;
    }
    String domain = text(company.path("domain"));
    String name = Optional.ofNullable(text(company.path("name"))).orElse(domain);
    if (name == null) {
      return null;
    }
    return new Company(
        name,
        domain,
        text(company.path("metrics").path("employeesRange")),
        text(company.path("category").path("industry")),
        SOURCE,
        text(company.path("geo").path("countryCode")));
  }

  private static String hintFor(int status) {
    return switch (status) {
      case 401, 403 -> " (check leads.enrichment.firmographics.token)";
      case 429 -> " (rate limited)";
      default -> "";
    };
  }

  private static EnrichmentUnavailableException unavailable(String reason) {
    return new EnrichmentUnavailableException(reason);
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
  }

  private static String abbreviated(String text) {
    return text.length() <= 45 ? text : text.substring(0, 45) + "…";
  }
}
