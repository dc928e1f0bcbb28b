package com.leadprocessor.api.intake;

import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadMetadata;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a verified body into a {@link LeadCaptureEvent}, naming every missing or invalid field at
 * once. Unknown fields are kept as plain Java values (maps, lists, strings, numbers, booleans) so
 * that Temporal's own JSON converter can carry them to the workflow.
 */
final class LeadEventParser {

  static final int MAX_ID_LENGTH = 256;
  static final int MAX_EMAIL_LENGTH = 320;
  static final int MAX_QUERY_LENGTH = 10_000;
  static final int MAX_URL_LENGTH = 2_048;
  static final int MAX_TIMESTAMP_LENGTH = 64;
  static final int MAX_IP_LENGTH = 64;
  static final int MAX_USER_AGENT_LENGTH = 2_048;

  private static final Set<String> KNOWN_FIELDS =
      Set.of(
          "event",
          "timestamp",
          "visitor_id",
          "conversation_id",
          "captured_email",
          "trigger_query",
          "conversation_transcript_url",
          "metadata");
  private static final Set<String> KNOWN_METADATA_FIELDS =
      Set.of("source_url", "ip_address", "user_agent");

  private static final Pattern RFC_3339_DATE_TIME =
      Pattern.compile(
          "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]+))?"
              + "(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))");

  // Duplicate keys are refused: a signed body must mean one thing to every parser that reads it.
  private final JsonMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * @throws MalformedJsonException if the body is not one JSON object
   * @throws InvalidLeadException if required fields are missing or fields are invalid
   */
  LeadCaptureEvent parse(byte[] body) {
    JsonNode root = readTree(body);
    Fields fields = new Fields(root, "");
    String event = fields.requiredString("event", MAX_ID_LENGTH);
    Instant timestamp = fields.requiredInstant("timestamp");
    String conversationId = fields.requiredString("conversation_id", MAX_ID_LENGTH);
    String email = fields.requiredString("captured_email", MAX_EMAIL_LENGTH);
    String query = fields.requiredString("trigger_query", MAX_QUERY_LENGTH);
    String visitorId = fields.optionalString("visitor_id", MAX_ID_LENGTH);
    String transcriptUrl = fields.optionalHttpUrl("conversation_transcript_url");
    LeadMetadata metadata = metadata(root.get("metadata"), fields.problems);
    if (!fields.problems.isEmpty()) {
      throw new InvalidLeadException(fields.problems);
    }
    return new LeadCaptureEvent(
        event,
        timestamp,
        visitorId,
        conversationId,
        email,
        query,
        transcriptUrl,
        metadata,
        unknownFields(root, KNOWN_FIELDS));
  }

  private JsonNode readTree(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(utf8(body));
    } catch (JacksonException e) {
      throw new MalformedJsonException(
          "The body is not valid JSON"
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")")
              + ": "
              + shorten(withoutQuotedText(e.getOriginalMessage()))
              + ".");
    }
    if (root == null || root.isMissingNode()) {
      throw new MalformedJsonException("The body is empty; expected a JSON object.");
    }
    if (!root.isObject()) {
      throw new MalformedJsonException(
          "The body is a JSON " + kind(root) + "; expected a JSON object.");
    }
    return root;
  }

  /**
   * The body as text. JSON between systems is UTF-8 (RFC 8259), and the body is decoded strictly
   * before Jackson sees it: Jackson's own decoder let some invalid sequences through (a four-byte
   * sequence beyond U+10FFFF became two unrelated characters) and guessed UTF-16 or UTF-32.
   */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedJsonException("The body is not valid UTF-8; send JSON as UTF-8.");
    }
  }

  private static LeadMetadata metadata(JsonNode node, List<FieldProblem> problems) {
    if (node == null || node.isNull()) {
      return LeadMetadata.EMPTY;
    }
    if (!node.isObject()) {
      problems.add(new FieldProblem("metadata", "must be an object"));
      return LeadMetadata.EMPTY;
    }
    Fields fields = new Fields(node, "metadata.");
    String sourceUrl = fields.optionalString("source_url", MAX_URL_LENGTH);
    String ipAddress = fields.optionalString("ip_address", MAX_IP_LENGTH);
    String userAgent = fields.optionalString("user_agent", MAX_USER_AGENT_LENGTH);
    problems.addAll(fields.problems);
    return new LeadMetadata(
        sourceUrl, ipAddress, userAgent, unknownFields(node, KNOWN_METADATA_FIELDS));
  }

  /** The unknown fields as plain values, in the sender's order, nulls included. */
  private static Map<String, Object> unknownFields(JsonNode object, Set<String> known) {
    Map<String, Object> unknown = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (!known.contains(field.getKey())) {
        unknown.put(field.getKey(), plain(field.getValue()));
      }
    }
    return unknown;
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(field -> map.put(field.getKey(), plain(field.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.values().forEach(element -> list.add(plain(element)));
      return list;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return null;
  }

  /**
   * An ISO-8601 date-time with an offset as {@code java.time} reads it, or else any RFC 3339
   * date-time, which the OpenAPI document promises ({@code format: date-time}) and which allows
   * what {@code java.time} does not: offsets up to ±23:59, a leap second ({@code :60}, read as the
   * next second) and more than nine digits of fraction (the rest are dropped).
   *
   * @throws DateTimeException if the value is neither
   */
  static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notIso) {
      Matcher rfc3339 = RFC_3339_DATE_TIME.matcher(value);
      if (!rfc3339.matches()) {
        throw notIso;
      }
      int second = Integer.parseInt(rfc3339.group(6));
      boolean utc = rfc3339.group(8) == null;
      int offsetHours = utc ? 0 : Integer.parseInt(rfc3339.group(9));
      int offsetMinutes = utc ? 0 : Integer.parseInt(rfc3339.group(10));
      if (second > 60 || offsetHours > 23 || offsetMinutes > 59) {
        throw notIso;
      }
      String fraction = rfc3339.group(7) == null ? "" : rfc3339.group(7);
      int nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(rfc3339.group(1)),
              Integer.parseInt(rfc3339.group(2)),
              Integer.parseInt(rfc3339.group(3)),
              Integer.parseInt(rfc3339.group(4)),
              Integer.parseInt(rfc3339.group(5)),
              Math.min(second, 59),
              nanos);
      long offsetSeconds =
          ("-".equals(rfc3339.group(8)) ? -1 : 1) * (offsetHours * 3600L + offsetMinutes * 60L);
      return Instant.ofEpochSecond(
          local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds + (second == 60 ? 1 : 0), nanos);
    }
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Jackson quotes what it could not read (a token, a property name), and a problem never echoes
   * the body: quoted text becomes an ellipsis, and the parser's note on its source is dropped.
   */
  static String withoutQuotedText(String message) {
    if (message == null) {
      return null;
    }
    return message
        .replace("token 'null', 'true' or 'false'", "true, false or null")
        .replaceAll(" ?\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
        .replaceAll("'[^']*'|\"[^\"]*\"", "…");
  }

  private static String shorten(String message) {
    String oneLine = message == null ? "unknown error" : message.replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
  }

  /** Reads the fields of one JSON object, collecting every problem instead of stopping. */
  private static final class Fields {

    private final JsonNode object;
    private final String prefix;
    private final List<FieldProblem> problems = new ArrayList<>();

    Fields(JsonNode object, String prefix) {
      this.object = object;
      this.prefix = prefix;
    }

    String requiredString(String name, int maxLength) {
      JsonNode node = object.get(name);
      if (node == null || node.isNull()) {
        problem(name, "is required");
        return null;
      }
      return string(name, node, maxLength, true);
    }

    String optionalString(String name, int maxLength) {
      JsonNode node = object.get(name);
      return node == null || node.isNull() ? null : string(name, node, maxLength, false);
    }

    Instant requiredInstant(String name) {
      String value = requiredString(name, MAX_TIMESTAMP_LENGTH);
      if (value == null) {
        return null;
      }
      try {
        return instant(value);
      } catch (DateTimeException e) {
        problem(name, "must be an ISO-8601 date-time with an offset, e.g. 2023-10-27T10:00:00Z");
        return null;
      }
    }

    String optionalHttpUrl(String name) {
      String value = optionalString(name, MAX_URL_LENGTH);
      if (value == null) {
        return null;
      }
      if (!isAbsoluteHttpUrl(value)) {
        problem(name, "must be an absolute http or https URL");
        return null;
      }
      return value;
    }

    private String string(String name, JsonNode node, int maxLength, boolean required) {
      if (!node.isString()) {
        problem(name, "must be a string");
        return null;
      }
      String value = node.stringValue();
      if (required && value.isBlank()) {
        problem(name, "must not be blank");
        return null;
      }
      if (value.length() > maxLength) {
        problem(name, "must be at most " + maxLength + " characters");
        return null;
      }
      return value;
    }

    private void problem(String name, String message) {
      problems.add(new FieldProblem(prefix + name, message));
    }

    private static boolean isAbsoluteHttpUrl(String value) {
      try {
        URI uri = new URI(value);
        String scheme = uri.getScheme();
        return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
            && uri.getHost() != null;
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }
}
