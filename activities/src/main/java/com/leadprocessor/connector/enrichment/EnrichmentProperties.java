package com.leadprocessor.connector.enrichment;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How leads are enriched. Every property has a default; the two HTTP sources are off until they are
 * given somewhere to ask. Invalid values stop start-up with a message naming the property.
 *
 * @param timeout how long all sources together may take, after which the slow ones are listed as
 *     unavailable; keep it below the enrich step's {@code start-to-close-timeout}
 * @param firmographics the company behind the visitor's IP
 * @param transcript the conversation transcript
 */
@ConfigurationProperties("leads.enrichment")
public record EnrichmentProperties(
    @DefaultValue("5s") Duration timeout,
    @DefaultValue Firmographics firmographics,
    @DefaultValue Transcript transcript) {

  public EnrichmentProperties {
    requirePositive(timeout, "leads.enrichment.timeout");
  }

  /** The defaults, as a worker with no configuration has them. */
  public static EnrichmentProperties defaults() {
    return new EnrichmentProperties(
        Duration.ofSeconds(5),
        new Firmographics(
            null,
            null,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofHours(24),
            Duration.ofHours(1),
            10_000),
        new Transcript(
            List.of(),
            null,
            null,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            DataSize.ofKilobytes(256),
            2000));
  }

  /**
   * The IP firmographics provider.
   *
   * @param url the lookup URL with an {@code {ip}} placeholder, such as {@code
   *     https://reveal.clearbit.com/v1/companies/find?ip={ip}}; blank turns the source off
   * @param token sent as {@code Authorization: Bearer <token>} when set; never logged
   * @param connectTimeout how long connecting may take
   * @param readTimeout how long the provider may take to answer, body included
   * @param cacheTtl how long a company found for an IP is reused
   * @param negativeCacheTtl how long "no company known for this IP" is reused; shorter, since
   *     providers learn new ranges
   * @param cacheSize how many IPs are remembered at most; beyond it, those least likely to be asked
   *     about again go first
   */
  public record Firmographics(
      String url,
      String token,
      @DefaultValue("1s") Duration connectTimeout,
      @DefaultValue("2s") Duration readTimeout,
      @DefaultValue("24h") Duration cacheTtl,
      @DefaultValue("1h") Duration negativeCacheTtl,
      @DefaultValue("10000") int cacheSize) {

    static final String PLACEHOLDER = "{ip}";
    private static final String PREFIX = "leads.enrichment.firmographics.";

    public Firmographics {
      url = blankToNull(url);
      token = blankToNull(token);
      if (url != null) {
        requireUrlTemplate(url);
      } else if (token != null) {
        throw new IllegalArgumentException(
            PREFIX + "token is set but " + PREFIX + "url is not: set the provider's URL too");
      }
      requirePositive(connectTimeout, PREFIX + "connect-timeout");
      requirePositive(readTimeout, PREFIX + "read-timeout");
      requirePositive(cacheTtl, PREFIX + "cache-ttl");
      requirePositive(negativeCacheTtl, PREFIX + "negative-cache-ttl");
      if (cacheSize < 1) {
        throw new IllegalArgumentException(PREFIX + "cache-size must be at least 1");
      }
    }

    /** Whether a provider is configured. */
    public boolean enabled() {
      return url != null;
    }

    /** Without the token, which is a secret. */
    @Override
    public String toString() {
      return "Firmographics[url=%s, token=%s, connectTimeout=%s, readTimeout=%s, cacheTtl=%s,"
              .formatted(
                  url, token == null ? null : "******", connectTimeout, readTimeout, cacheTtl)
          + " negativeCacheTtl=%s, cacheSize=%d]".formatted(negativeCacheTtl, cacheSize);
    }

    private static void requireUrlTemplate(String url) {
      String property = PREFIX + "url";
      if (!url.contains(PLACEHOLDER)) {
        throw new IllegalArgumentException(
            property
                + " must contain the placeholder {ip}, for example"
                + " https://reveal.clearbit.com/v1/companies/find?ip={ip}");
      }
      requireHttpUrl(url.replace(PLACEHOLDER, "192.0.2.1"), property);
    }
  }

  /**
   * The conversation transcript behind {@code conversation_transcript_url}.
   *
   * @param allowedHosts the hosts transcripts are fetched from, such as {@code api.chatbot.com};
   *     empty turns the source off. The URL comes from the webhook, so without this list a crafted
   *     URL could make the worker call internal services and hand them the auth header.
   * @param authHeaderName a header sent with every transcript request, such as {@code
   *     Authorization}
   * @param authHeaderValue its value, such as {@code Bearer abc}; never logged
   * @param connectTimeout how long connecting may take
   * @param readTimeout how long the transcript may take to arrive, body included
   * @param maxBytes the most of a transcript that is read; the rest is never downloaded
   * @param maxExcerptChars the longest excerpt kept for the CRM record and the alert
   */
  public record Transcript(
      List<String> allowedHosts,
      String authHeaderName,
      String authHeaderValue,
      @DefaultValue("1s") Duration connectTimeout,
      @DefaultValue("2s") Duration readTimeout,
      @DefaultValue("256KB") DataSize maxBytes,
      @DefaultValue("2000") int maxExcerptChars) {

    private static final String PREFIX = "leads.enrichment.transcript.";

    public Transcript {
      allowedHosts =
          allowedHosts == null
              ? List.of()
              : allowedHosts.stream()
                  .map(String::strip)
                  .filter(host -> !host.isEmpty())
                  .map(host -> host.toLowerCase(Locale.ROOT))
                  .toList();
      authHeaderName = blankToNull(authHeaderName);
      authHeaderValue = blankToNull(authHeaderValue);
      maxBytes = maxBytes == null ? DataSize.ofKilobytes(256) : maxBytes;
      if ((authHeaderName == null) != (authHeaderValue == null)) {
        throw new IllegalArgumentException(
            PREFIX + "auth-header-name and " + PREFIX + "auth-header-value must be set together");
      }
      if (authHeaderName != null && allowedHosts.isEmpty()) {
        throw new IllegalArgumentException(
            PREFIX
                + "auth-header-name is set but "
                + PREFIX
                + "allowed-hosts is empty: name the"
                + " hosts that may receive the header, such as api.chatbot.com");
      }
      requirePositive(connectTimeout, PREFIX + "connect-timeout");
      requirePositive(readTimeout, PREFIX + "read-timeout");
      if (maxBytes.toBytes() < 1 || maxBytes.toBytes() > Integer.MAX_VALUE / 2) {
        throw new IllegalArgumentException(PREFIX + "max-bytes must be between 1B and 1GB");
      }
      if (maxExcerptChars < 100) {
        throw new IllegalArgumentException(PREFIX + "max-excerpt-chars must be at least 100");
      }
    }

    /** Whether transcripts are fetched at all. */
    public boolean enabled() {
      return !allowedHosts.isEmpty();
    }

    /** Without the header value, which is a secret. */
    @Override
    public String toString() {
      return "Transcript[allowedHosts=%s, authHeaderName=%s, authHeaderValue=%s,"
              .formatted(allowedHosts, authHeaderName, authHeaderValue == null ? null : "******")
          + " connectTimeout=%s, readTimeout=%s, maxBytes=%s, maxExcerptChars=%d]"
              .formatted(connectTimeout, readTimeout, maxBytes, maxExcerptChars);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void requirePositive(Duration duration, String property) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          property + " must be positive, for example 2s, but was " + duration);
    }
  }

  private static void requireHttpUrl(String url, String property) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException(property + " must be an http or https URL with a host");
      }
    } catch (URISyntaxException e) {
      // The message would quote the URL, which may carry a key in its query: say only where.
      throw new IllegalArgumentException(
          property + " is not a valid URL (at index " + e.getIndex() + ")");
    }
  }
}
