package com.leadprocessor.api.fuzz;

import com.leadprocessor.api.TestEvents;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates hostile deliveries to the webhook: bodies that are random bytes, truncated, too large,
 * not UTF-8, too deeply nested, of the wrong shape or full of hostile strings; and headers that are
 * missing, garbled, repeated, huge, signed with the wrong key, over other bytes or at another time.
 * Everything is drawn from the {@link SplittableRandom} given, so a seed replays a run.
 */
public final class HostileInputs {

  /** The API's default {@code leads.webhook.max-body-size}. */
  public static final int MAX_BODY_SIZE = 64 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] CONTENT_TYPES = {
    "application/json",
    "application/json; charset=utf-8",
    "application/vnd.chatbot.lead+json",
    "APPLICATION/JSON"
  };
  private static final String[] WRONG_CONTENT_TYPES = {
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=xyz",
    "application/xml",
    "application/json-seq",
    ";;;",
    "application/",
    "*/*",
    "application/json; charset=bogus-x",
    "application/json; charset=\""
  };
  private static final String[] HOSTILE_FRAGMENTS = {
    "\u0000",
    "\u0001\u0002\u0003\u001b[31m",
    "\r\nX-Injected: 1\r\n",
    "\u007f\u0085\u009f",
    "\u202e\u200b\ufeff\u2028\u2029",
    "\ud83d\ude00\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
    "\ud800",
    "\udfff\ud800",
    "\u0301\u0301\u0301",
    "\u4e2d\u6587\u0639\u0631\u0628\u064a",
    "\\\"'`",
    "${jndi:ldap://127.0.0.1/a}",
    "<script>alert(1)</script>",
    "'; DROP TABLE leads; --",
    "%s%n%x",
    "../../etc/passwd",
    "\u00a0",
    "\t\u000b\f",
    "null",
    "\uffff\ufffe"
  };

  private final String secret;

  /**
   * @param secret the API's {@code whsec_} secret, for the deliveries that are signed
   */
  public HostileInputs(String secret) {
    this.secret = secret;
  }

  // ---- whole deliveries --------------------------------------------------------------------

  /** Any body, with headers that carry no valid signature: never a lead. */
  public HostileDelivery unsignedOrWronglySigned(SplittableRandom random) {
    Body body = anyBody(random);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String kind = body.kind + ", " + wrongSignature(random, body.bytes, headers);
    contentType(random, headers, random.nextInt(4) == 0);
    if (random.nextInt(10) == 0) {
      headers.add(Map.entry("X-Padding", visible(random, 9_000 + random.nextInt(12_000))));
      kind += ", huge header";
    }
    return new HostileDelivery(kind, body.bytes, headers, random.nextInt(5) == 0, null);
  }

  /** An invalid body, correctly signed: refused as malformed, invalid or too large. */
  public HostileDelivery signedInvalid(SplittableRandom random) {
    Body body = invalidBody(random);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String scheme = sign(random, body.bytes, headers);
    contentType(random, headers, false);
    return new HostileDelivery(
        body.kind + ", " + scheme, body.bytes, headers, random.nextInt(5) == 0, null);
  }

  /** A valid event of a new conversation full of hostile but allowed values, correctly signed. */
  public HostileDelivery signedValid(SplittableRandom random) {
    String conversationId =
        "conv-fuzz-"
            + new UUID(random.nextLong(), random.nextLong())
            + (random.nextBoolean() ? "" : hostile(random, 0, 150));
    byte[] body = bytes(validEvent(random, conversationId));
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String scheme = sign(random, body, headers);
    contentType(random, headers, false);
    return new HostileDelivery(
        "valid hostile event, " + scheme, body, headers, random.nextInt(5) == 0, conversationId);
  }

  // ---- bodies ------------------------------------------------------------------------------

  private record Body(String kind, byte[] bytes) {}

  private Body anyBody(SplittableRandom random) {
    return random.nextInt(4) == 0
        ? new Body("valid event", bytes(validEvent(random, "conv-unsigned-" + random.nextLong())))
        : invalidBody(random);
  }

  private Body invalidBody(SplittableRandom random) {
    byte[] example = TestEvents.example().getBytes(StandardCharsets.UTF_8);
    return switch (random.nextInt(11)) {
      case 0 -> new Body("random bytes", randomBytes(random, random.nextInt(3_000)));
      case 1 ->
          new Body(
              "truncated JSON",
              java.util.Arrays.copyOf(example, random.nextInt(example.length - 1)));
      case 2 -> new Body("huge body", huge(random));
      case 3 -> new Body("invalid UTF-8", invalidUtf8(random, example));
      case 4 -> new Body("another charset", otherCharset(random));
      case 5 -> new Body("deeply nested JSON", deeplyNested(random));
      case 6 -> new Body("wrong types", bytes(wrongTypes(random)));
      case 7 -> new Body("not an object", notAnObject(random));
      case 8 -> new Body("duplicate keys or trailing content", duplicateOrTrailing(random));
      case 9 -> new Body("too long fields", bytes(tooLong(random)));
      default -> new Body("empty or blank", random.nextBoolean() ? new byte[0] : bytes(" \n\t "));
    };
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static byte[] huge(SplittableRandom random) {
    int size = MAX_BODY_SIZE + 1 + random.nextInt(3 * MAX_BODY_SIZE);
    String padding = "x".repeat(size);
    return random.nextBoolean()
        ? bytes("{\"event\": \"" + padding + "\"}")
        : randomBytes(random, size);
  }

  private static byte[] invalidUtf8(SplittableRandom random, byte[] example) {
    byte[][] invalid = {
      {(byte) 0xff},
      {(byte) 0xc3, 0x28},
      {(byte) 0xc0, (byte) 0xaf},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0x80},
      {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
    };
    String text = new String(example, StandardCharsets.UTF_8);
    int at = text.indexOf("Does your API") + random.nextInt(10);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(invalid[random.nextInt(invalid.length)]);
    out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** An event with non-ASCII text encoded in a single-byte charset: never valid UTF-8. */
  private static byte[] otherCharset(SplittableRandom random) {
    Charset charset =
        random.nextBoolean() ? StandardCharsets.ISO_8859_1 : Charset.forName("windows-1252");
    return TestEvents.example()
        .replace("Does your API", "Ünterstützt Ihre API größere Mengen, café")
        .getBytes(charset);
  }

  private static byte[] deeplyNested(SplittableRandom random) {
    int depth = 1_001 + random.nextInt(30_000);
    boolean arrays = random.nextBoolean();
    StringBuilder json = new StringBuilder("{\"metadata\": ");
    json.append((arrays ? "[" : "{\"a\":").repeat(depth));
    json.append("1");
    json.append((arrays ? "]" : "}").repeat(random.nextInt(4) == 0 ? depth / 2 : depth));
    return bytes(json.append("}").toString());
  }

  private ObjectNode wrongTypes(SplittableRandom random) {
    ObjectNode event = (ObjectNode) JSON.readTree(TestEvents.example());
    String[] fields = {
      "event",
      "timestamp",
      "visitor_id",
      "conversation_id",
      "captured_email",
      "trigger_query",
      "conversation_transcript_url",
      "metadata"
    };
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      String field = fields[random.nextInt(fields.length)];
      JsonNode wrong =
          switch (random.nextInt(field.equals("metadata") ? 4 : 5)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.arrayNode().add(hostile(random, 1, 20));
            case 3 -> NODES.stringNode(hostile(random, 0, 30));
            default -> NODES.objectNode().put("value", hostile(random, 1, 20));
          };
      // An earlier change may have replaced metadata with a non-object; then it is replaced again.
      if (field.equals("metadata")
          && random.nextBoolean()
          && event.get("metadata") instanceof ObjectNode metadata) {
        metadata.set(
            new String[] {"source_url", "ip_address", "user_agent"}[random.nextInt(3)],
            NODES.numberNode(random.nextInt()));
      } else if (field.equals("timestamp") && wrong.isString()) {
        event.put(field, "not a time " + wrong.stringValue());
      } else if (field.equals("visitor_id") || field.equals("conversation_transcript_url")) {
        event.set(field, wrong.isString() ? NODES.numberNode(1) : wrong);
      } else {
        // A non-blank string is valid in a string field, which gets null (missing) instead; a
        // null metadata is valid, so metadata keeps the string, which is not an object.
        boolean validString =
            wrong.isString() && !wrong.stringValue().isBlank() && !field.equals("metadata");
        event.set(field, validString ? NODES.nullNode() : wrong);
      }
    }
    if (random.nextInt(3) == 0) {
      event.remove(new String[] {"event", "conversation_id", "trigger_query"}[random.nextInt(3)]);
    }
    return event;
  }

  private static byte[] notAnObject(SplittableRandom random) {
    String[] values = {"[]", "[{}]", "\"lead\"", "42", "-0.0e-7", "null", "true", "[1, [2, [3]]]"};
    return bytes(values[random.nextInt(values.length)]);
  }

  private static byte[] duplicateOrTrailing(SplittableRandom random) {
    String example = TestEvents.example().strip();
    return bytes(
        switch (random.nextInt(4)) {
          case 0 -> example.replace("{\n", "{\"event\": \"x\", \n");
          case 1 -> example + " {}";
          case 2 -> example + "x";
          default -> example.replace("\"metadata\": {", "\"metadata\": {\"ip_address\": null, ");
        });
  }

  private ObjectNode tooLong(SplittableRandom random) {
    ObjectNode event = (ObjectNode) JSON.readTree(TestEvents.example());
    String field =
        new String[] {"event", "conversation_id", "captured_email", "trigger_query", "visitor_id"}
            [random.nextInt(5)];
    int max =
        switch (field) {
          case "captured_email" -> 320;
          case "trigger_query" -> 10_000;
          default -> 256;
        };
    event.put(field, "y".repeat(max + 1 + random.nextInt(50)));
    return event;
  }

  /** A valid event (within every limit) whose strings are hostile. */
  ObjectNode validEvent(SplittableRandom random, String conversationId) {
    ObjectNode event = NODES.objectNode();
    event.put("event", nonBlank(random, 256));
    event.put("timestamp", timestamp(random));
    optional(random, event, "visitor_id", 256);
    event.put("conversation_id", conversationId);
    event.put("captured_email", nonBlank(random, 320));
    event.put("trigger_query", nonBlank(random, random.nextInt(4) == 0 ? 10_000 : 400));
    switch (random.nextInt(3)) {
      case 0 -> event.putNull("conversation_transcript_url");
      case 1 ->
          event.put(
              "conversation_transcript_url",
              (random.nextBoolean() ? "https" : "HTTP") + "://example.com/t/" + random.nextLong());
      default -> {}
    }
    if (random.nextInt(4) == 0) {
      event.putNull("metadata");
    } else if (random.nextInt(4) != 0) {
      ObjectNode metadata = event.putObject("metadata");
      optional(random, metadata, "source_url", 2_048);
      optional(random, metadata, "ip_address", 64);
      optional(random, metadata, "user_agent", 2_048);
      if (random.nextBoolean()) {
        metadata.set(name(random), unknownValue(random, 3));
      }
    }
    int unknown = random.nextInt(4);
    for (int i = 0; i < unknown; i++) {
      event.set("x-" + name(random), unknownValue(random, 3));
    }
    if (random.nextInt(8) == 0) {
      event.set("nested", nested(random.nextInt(1, 200)));
    }
    return event;
  }

  private static JsonNode nested(int depth) {
    JsonNode node = NODES.stringNode("deep");
    for (int i = 0; i < depth; i++) {
      node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("k", node);
    }
    return node;
  }

  private JsonNode unknownValue(SplittableRandom random, int depth) {
    return switch (random.nextInt(depth <= 0 ? 6 : 8)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextLong());
      case 3 ->
          NODES.numberNode(
              new java.math.BigDecimal(
                  new String[] {
                        "1e308", "-0", "123456789012345678901234567890", "1E-400", "4.9e-324"
                      }
                      [random.nextInt(5)]));
      case 4 -> NODES.numberNode(random.nextDouble() * 1e300);
      case 5 -> NODES.stringNode(hostile(random, 0, 200));
      case 6 -> {
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          array.add(unknownValue(random, depth - 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          object.set(name(random), unknownValue(random, depth - 1));
        }
        yield object;
      }
    };
  }

  private void optional(SplittableRandom random, ObjectNode object, String field, int max) {
    switch (random.nextInt(3)) {
      case 0 -> object.putNull(field);
      case 1 -> object.put(field, hostile(random, 0, Math.min(max, 300)));
      default -> {}
    }
  }

  /** A random RFC 3339 date-time, with any offset up to ±23:59 and up to 12 fraction digits. */
  private static String timestamp(SplittableRandom random) {
    Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L));
    String local = instant.toString().substring(0, 19);
    String fraction =
        random.nextBoolean() ? "" : "." + Long.toString(random.nextLong(1, 999_999_999_999L));
    String offset =
        random.nextInt(3) == 0
            ? "Z"
            : String.format(
                "%s%02d:%02d",
                random.nextBoolean() ? "+" : "-", random.nextInt(24), random.nextInt(60));
    return local + fraction + offset;
  }

  // ---- strings -----------------------------------------------------------------------------

  /** A hostile string of {@code min} to {@code max} UTF-16 units (at most {@code max}). */
  static String hostile(SplittableRandom random, int min, int max) {
    StringBuilder text = new StringBuilder();
    int target = min + (max > min ? random.nextInt(max - min + 1) : 0);
    while (text.length() < target) {
      switch (random.nextInt(5)) {
        case 0 -> text.append(HOSTILE_FRAGMENTS[random.nextInt(HOSTILE_FRAGMENTS.length)]);
        case 1 -> text.append((char) random.nextInt(0x20));
        case 2 -> text.appendCodePoint(random.nextInt(0x20, 0x110000));
        default -> text.append((char) random.nextInt(0x20, 0x7f));
      }
    }
    return text.length() > max ? text.substring(0, max) : text.toString();
  }

  /**
   * A hostile property name. Unpaired surrogates are left out: the parser refuses them in names
   * (400), though it keeps them in values.
   */
  private static String name(SplittableRandom random) {
    StringBuilder name = new StringBuilder();
    hostile(random, 0, 20)
        .chars()
        .filter(c -> !Character.isSurrogate((char) c))
        .forEach(c -> name.append((char) c));
    return name.toString();
  }

  /** A hostile string that the API does not call blank, at most {@code max} UTF-16 units. */
  private static String nonBlank(SplittableRandom random, int max) {
    String text = hostile(random, 0, max - 1);
    return text.isBlank() ? text + "x" : text;
  }

  private static String visible(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(0x21, 0x7f));
    }
    return text.toString();
  }

  // ---- headers -----------------------------------------------------------------------------

  private static void contentType(
      SplittableRandom random, List<Map.Entry<String, String>> headers, boolean wrong) {
    if (wrong) {
      if (random.nextInt(4) != 0) {
        headers.add(
            Map.entry(
                "Content-Type", WRONG_CONTENT_TYPES[random.nextInt(WRONG_CONTENT_TYPES.length)]));
      }
      return;
    }
    headers.add(Map.entry("Content-Type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]));
  }

  /** Adds correct signature headers of one scheme and says which. */
  private String sign(
      SplittableRandom random, byte[] body, List<Map.Entry<String, String>> headers) {
    if (random.nextInt(4) == 0) {
      headers.add(Map.entry("X-Signature-256", "sha256=" + hex(hmac(key(), body))));
      return "X-Signature-256";
    }
    String id = "msg_" + Long.toHexString(random.nextLong());
    String timestamp = Long.toString(Instant.now().getEpochSecond() - random.nextInt(-60, 60));
    String signature = "v1," + standardWebhooks(key(), id, timestamp, body);
    if (random.nextBoolean()) {
      signature = "v2,abc v1,!!notbase64 " + signature + " v1," + base64(randomBytes(random, 32));
    }
    headers.add(Map.entry("webhook-id", id));
    headers.add(Map.entry("webhook-timestamp", timestamp));
    headers.add(Map.entry("webhook-signature", signature));
    return "Standard Webhooks";
  }

  /** Adds signature headers that are missing, garbled or wrong, and says how. */
  private String wrongSignature(
      SplittableRandom random, byte[] body, List<Map.Entry<String, String>> headers) {
    String id = "msg_" + Long.toHexString(random.nextLong());
    long now = Instant.now().getEpochSecond();
    String timestamp = Long.toString(now);
    byte[] wrongKey = randomBytes(random, 24);
    switch (random.nextInt(12)) {
      case 0 -> {
        return "no signature headers";
      }
      case 1 -> {
        headers.add(Map.entry("webhook-id", id));
        headers.add(Map.entry("webhook-timestamp", timestamp));
        headers.add(
            Map.entry(
                "webhook-signature", "v1," + standardWebhooks(wrongKey, id, timestamp, body)));
        return "signed with another key";
      }
      case 2 -> {
        byte[] tampered = java.util.Arrays.copyOf(body, body.length + 1);
        tampered[body.length] = ' ';
        headers.add(Map.entry("webhook-id", id));
        headers.add(Map.entry("webhook-timestamp", timestamp));
        headers.add(
            Map.entry(
                "webhook-signature", "v1," + standardWebhooks(key(), id, timestamp, tampered)));
        return "signature over other bytes";
      }
      case 3 -> {
        String stale =
            Long.toString(
                random.nextBoolean()
                    ? now - 301 - random.nextInt(1_000_000_000)
                    : now + 301 + random.nextInt(1_000_000_000));
        headers.add(Map.entry("webhook-id", id));
        headers.add(Map.entry("webhook-timestamp", stale));
        headers.add(
            Map.entry("webhook-signature", "v1," + standardWebhooks(key(), id, stale, body)));
        return "stale or future timestamp, correctly signed";
      }
      case 4 -> {
        String[] bogus = {
          "",
          " ",
          "-1",
          "0x10",
          "1e9",
          "9999999999999",
          "17000000000000000000000",
          "now",
          timestamp + ".5",
          "\t" + timestamp
        };
        String value = bogus[random.nextInt(bogus.length)];
        headers.add(Map.entry("webhook-id", id));
        headers.add(Map.entry("webhook-timestamp", value));
        headers.add(
            Map.entry("webhook-signature", "v1," + standardWebhooks(key(), id, value, body)));
        return "bogus timestamp";
      }
      case 5 -> {
        headers.add(
            Map.entry("webhook-signature", "v1," + standardWebhooks(key(), id, timestamp, body)));
        if (random.nextBoolean()) {
          headers.add(Map.entry("webhook-timestamp", timestamp));
        } else {
          headers.add(Map.entry("webhook-id", id));
        }
        return "a Standard Webhooks header missing";
      }
      case 6 -> {
        headers.add(Map.entry("webhook-id", id));
        headers.add(Map.entry("webhook-timestamp", timestamp));
        headers.add(Map.entry("webhook-signature", visible(random, random.nextInt(200))));
        return "garbled webhook-signature";
      }
      case 7 -> {
        headers.add(Map.entry("webhook-id", id));
        headers.add(Map.entry("webhook-timestamp", timestamp));
        headers.add(Map.entry("webhook-signature", "v1," + base64(randomBytes(random, 32))));
        headers.add(Map.entry("webhook-signature", "v1," + base64(randomBytes(random, 32))));
        headers.add(Map.entry("webhook-timestamp", Long.toString(now - 10_000)));
        return "duplicated signature headers, none valid";
      }
      case 8 -> {
        String[] garbled = {
          "",
          "sha256=",
          "sha256=zz",
          "sha1=" + "a".repeat(40),
          "sha256=" + hex(randomBytes(random, 32)),
          "SHA256=" + hex(hmac(wrongKey, body)),
          "sha256=" + hex(hmac(key(), new byte[] {1}))
        };
        headers.add(Map.entry("X-Signature-256", garbled[random.nextInt(garbled.length)]));
        return "wrong X-Signature-256";
      }
      case 9 -> {
        headers.add(Map.entry("webhook-id", visible(random, 9_000 + random.nextInt(10_000))));
        headers.add(Map.entry("webhook-timestamp", timestamp));
        headers.add(Map.entry("webhook-signature", "v1," + base64(randomBytes(random, 32))));
        return "huge webhook-id";
      }
      case 10 -> {
        headers.add(Map.entry("webhook-id", id));
        headers.add(Map.entry("webhook-timestamp", timestamp));
        headers.add(
            Map.entry(
                "webhook-signature", "v1," + standardWebhooks(key(), id + "x", timestamp, body)));
        headers.add(Map.entry("X-Signature-256", "sha256=" + hex(hmac(key(), body))));
        return "Standard Webhooks over another id, with a valid X-Signature-256 that is not checked";
      }
      default -> {
        headers.add(Map.entry("webhook-id", ""));
        headers.add(Map.entry("webhook-timestamp", ""));
        headers.add(Map.entry("webhook-signature", ""));
        return "empty signature headers";
      }
    }
  }

  // ---- signing -----------------------------------------------------------------------------

  private byte[] key() {
    return Base64.getDecoder().decode(secret.substring("whsec_".length()));
  }

  private static String standardWebhooks(byte[] key, String id, String timestamp, byte[] body) {
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
    signed.writeBytes(body);
    return base64(hmac(key, signed.toByteArray()));
  }

  private static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON as UTF-8, with unpaired surrogates (which UTF-8 cannot carry) as escapes. */
  private static byte[] bytes(JsonNode json) {
    String text = JSON.writeValueAsString(json);
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        escaped.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return bytes(escaped.toString());
  }
}
