package com.leadprocessor.api.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the endpoint may POST a clicker's answer: a payload's {@code response_url} is signed by
 * Slack, but a leaked signing secret must not turn the API into a way to reach any address (SSRF),
 * so only configured hosts are called, over https, without user info; plain http only on loopback.
 */
final class ResponseUrlPolicy {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

  private final List<String> hosts;

  ResponseUrlPolicy(List<String> hosts) {
    this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  /** The URL if it is allowed, else an explanation as an {@link IllegalArgumentException}. */
  URI allowed(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("response_url is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || host.isEmpty() || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("response_url is not an absolute http(s) URL of a host");
    }
    if (!hosts.contains(host)) {
      throw new IllegalArgumentException(
          "response_url points at a host that is not allowed (leads.slack.response-url-hosts)");
    }
    boolean secure = scheme.equals("https");
    if (!secure && !(scheme.equals("http") && LOOPBACK.contains(host))) {
      throw new IllegalArgumentException("response_url must be https");
    }
    return uri;
  }
}
