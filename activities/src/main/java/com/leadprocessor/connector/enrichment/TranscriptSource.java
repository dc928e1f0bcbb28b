package com.leadprocessor.connector.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A bounded excerpt of the conversation behind {@code conversation_transcript_url}, for the CRM
 * record and the alert. Two answers are understood:
 *
 * <ul>
 *   <li>{@code text/plain} (any {@code text/*} but HTML): the text as it is;
 *   <li>JSON ({@code application/json} or {@code +json}): an array of messages, or an object with
 *       such an array under {@code messages}, each {@code {"role": ..., "content": "..."}}. Roles
 *       {@code user}, {@code visitor}, {@code human} and {@code customer} read as {@code visitor:},
 *       {@code assistant}, {@code bot} and {@code ai} as {@code bot:}, {@code system} messages are
 *       left out and any other role is shown as it is; one line per message.
 * </ul>
 *
 * Only http(s) URLs on {@code leads.enrichment.transcript.allowed-hosts} are fetched: the URL comes
 * from the webhook, and the configured auth header must reach the chatbot vendor, not wherever a
 * URL points. At most {@code max-bytes} are downloaded, redirects are not followed. Off, and silent
 * in {@link Enrichment#unavailable()}, while no host is allowed; the CRM record still links the
 * transcript.
 */
@Component
@Order(400)
public class TranscriptSource implements EnrichmentSource {

  static final String CUT_MARK = " … [transcript cut]";
  private static final Logger log = LoggerFactory.getLogger(TranscriptSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> VISITOR_ROLES = Set.of("user", "visitor", "human", "customer");
  private static final Set<String> BOT_ROLES = Set.of("assistant", "bot", "ai");

  private final EnrichmentProperties.Transcript properties;
  private final EnrichmentHttpClient http;

  public TranscriptSource(EnrichmentProperties properties) {
    this.properties = properties.transcript();
    this.http =
        new EnrichmentHttpClient(
            this.properties.connectTimeout(),
            this.properties.readTimeout(),
            (int) this.properties.maxBytes().toBytes());
    if (this.properties.enabled()) {
      log.info(
          "Transcripts fetched from {}{}, excerpts of at most {} characters",
          this.properties.allowedHosts(),
          this.properties.authHeaderName() == null
              ? ""
              : " with header " + this.properties.authHeaderName(),
          this.properties.maxExcerptChars());
    } else {
      log.info("Transcripts not fetched: leads.enrichment.transcript.allowed-hosts is empty");
    }
  }

  @Override
  public String name() {
    return "transcript";
  }

  @Override
  public EnrichmentContribution enrich(EnrichmentInput input) {
    if (!properties.enabled()) {
      return EnrichmentContribution.none();
    }
    String url = input.event().conversationTranscriptUrl();
    if (url == null || url.isBlank()) {
      return EnrichmentContribution.unavailable("not sent");
    }
    URI uri = checkedUri(url.strip());
    EnrichmentHttpClient.Answer answer = http.get(uri, headers());
    String host = EnrichmentHttpClient.hostOf(uri);
    if (answer.status() < 200 || answer.status() > 299) {
      throw new EnrichmentUnavailableException(
          host + " answered HTTP " + answer.status() + hintFor(answer.status()));
    }
    String text = textOf(answer, host);
    if (text.isBlank()) {
      return EnrichmentContribution.unavailable(host + " answered an empty transcript");
    }
    return EnrichmentContribution.transcript(
        excerpt(text, properties.maxExcerptChars(), answer.truncated()));
  }

  private URI checkedUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new EnrichmentUnavailableException("the transcript URL is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new EnrichmentUnavailableException(
          "only http and https transcript URLs are fetched, not '" + scheme + "'");
    }
    if (uri.getHost() == null) {
      throw new EnrichmentUnavailableException("the transcript URL names no host");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (!properties.allowedHosts().contains(host)) {
      throw new EnrichmentUnavailableException(
          "host " + host + " is not in leads.enrichment.transcript.allowed-hosts");
    }
    return uri;
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json, text/plain;q=0.9");
    if (properties.authHeaderName() != null) {
      headers.put(properties.authHeaderName(), properties.authHeaderValue());
    }
    return headers;
  }

  private static String textOf(EnrichmentHttpClient.Answer answer, String host) {
    String contentType = answer.contentType() == null ? "" : answer.contentType();
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    Charset charset = charsetOf(contentType);
    if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      if (answer.truncated()) {
        throw new EnrichmentUnavailableException(
            host + " answered a JSON transcript larger than the bound, not parsed");
      }
      return renderJson(answer.body(), host);
    }
    if (mediaType.startsWith("text/") && !mediaType.equals("text/html")) {
      return plainText(new String(answer.body(), charset), answer.truncated());
    }
    throw new EnrichmentUnavailableException(
        host
            + " answered "
            + (mediaType.isEmpty() ? "no content type" : mediaType)
            + ", not text/plain or JSON");
  }

  private static String plainText(String text, boolean truncated) {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    // A download cut in the middle of a character decodes to a replacement character.
    return truncated ? normalized.replaceAll("\uFFFD+$", "").strip() : normalized.strip();
  }

  /** One {@code role: content} line for each message, in the JSON shapes documented above. */
  static String renderJson(byte[] body, String host) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new EnrichmentUnavailableException(host + " answered invalid JSON");
    }
    JsonNode messages = root != null && root.isObject() ? root.path("messages") : root;
    if (messages == null || !messages.isArray()) {
      throw new EnrichmentUnavailableException(
          host + " answered JSON that is neither a list of messages nor {\"messages\": [...]}");
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode message : messages) {
      String content = message.path("content").isTextual() ? message.path("content").asText() : "";
      String role = speakerOf(message.path("role").asText("").strip().toLowerCase(Locale.ROOT));
      if (role != null && !content.isBlank()) {
        lines.add(role + ": " + content.strip().replaceAll("\\s+", " "));
      }
    }
    return String.join("\n", lines);
  }

  private static String speakerOf(String role) {
    if (VISITOR_ROLES.contains(role)) {
      return "visitor";
    }
    if (BOT_ROLES.contains(role)) {
      return "bot";
    }
    if (role.equals("system")) {
      return null;
    }
    return role.isEmpty() ? "unknown" : role;
  }

  /**
   * The text, or its beginning cut at a word boundary with a visible mark, in at most {@code
   * maxChars} characters. {@code more} says the text was already cut by the download bound.
   */
  static String excerpt(String text, int maxChars, boolean more) {
    if (text.length() <= maxChars && !more) {
      return text;
    }
    int room = maxChars - CUT_MARK.length();
    String head = text.length() <= room ? text : text.substring(0, room);
    if (text.length() > room) {
      int boundary = lastWhitespace(head);
      // A single very long word is cut where it is rather than dropped whole.
      if (boundary > room / 2) {
        head = head.substring(0, boundary);
      } else if (Character.isHighSurrogate(head.charAt(head.length() - 1))) {
        head = head.substring(0, head.length() - 1);
      }
    }
    return head.stripTrailing() + CUT_MARK;
  }

  private static int lastWhitespace(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static Charset charsetOf(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.strip().split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        try {
          return Charset.forName(pair[1].strip().replace("\"", ""));
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String hintFor(int status) {
    if (status >= 300 && status <= 399) {
      return " (redirects are not followed)";
    }
    return status == 401 || status == 403
        ? " (check leads.enrichment.transcript.auth-header-name and auth-header-value)"
        : "";
  }
}
