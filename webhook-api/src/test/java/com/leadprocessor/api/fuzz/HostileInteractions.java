package com.leadprocessor.api.fuzz;

import com.slack.api.app_backend.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates hostile requests to {@code POST /slack/interactivity}: bodies that are genuine clicks,
 * clicks with hostile values, broken forms, payloads that are not JSON or not {@code
 * block_actions}, random or non-UTF-8 bytes, or too large; and Slack signature headers that are
 * missing, garbled, made with another secret, over other bytes, stale or in the future. Everything
 * is drawn from the {@link SplittableRandom} given, so a seed replays a run.
 */
public final class HostileInteractions {

  /** The endpoint's default {@code leads.slack.max-body-size}. */
  public static final int MAX_BODY_SIZE = 64 * 1024;

  private static final String TIMESTAMP = SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP;
  private static final String SIGNATURE = SlackSignature.HeaderNames.X_SLACK_SIGNATURE;
  private static final String[] CONTENT_TYPES = {
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "APPLICATION/X-WWW-FORM-URLENCODED"
  };
  private static final String[] WRONG_CONTENT_TYPES = {
    "application/json", "text/plain", "multipart/form-data", "multipart/form-data; boundary=x", ";;"
  };
  private static final String[] ACTIONS = {"lead_claim", "lead_not_a_lead", "lead_hand_back"};

  private final SlackSignature.Generator signer;
  private final SlackSignature.Generator otherSecret =
      new SlackSignature.Generator("not-the-apps-signing-secret");
  private final String workflowId;
  private final String responseUrl;

  /**
   * @param signingSecret the API's signing secret, for the requests that are signed
   * @param workflowId the lead the genuine clicks are on
   * @param responseUrl the response URL the genuine clicks carry
   */
  public HostileInteractions(String signingSecret, String workflowId, String responseUrl) {
    this.signer = new SlackSignature.Generator(signingSecret);
    this.workflowId = workflowId;
    this.responseUrl = responseUrl;
  }

  /** Any body, with headers that carry no valid signature: must change nothing. */
  public HostileDelivery unsignedOrWronglySigned(SplittableRandom random) {
    Body body = random.nextInt(3) == 0 ? genuineClick(random) : anyInvalidBody(random);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String kind = body.kind + ", " + wrongSignature(random, body.text, headers);
    contentType(random, headers, random.nextInt(5) == 0);
    return new HostileDelivery(kind, bytes(body), headers, random.nextInt(5) == 0, null);
  }

  /** An invalid body, correctly signed: refused as invalid, unreadable or too large. */
  public HostileDelivery signedInvalid(SplittableRandom random) {
    Body body = anyInvalidBody(random);
    while (body.raw != null) {
      // Bytes that are not UTF-8 cannot be what Slack signed: those are unsigned by nature.
      body = anyInvalidBody(random);
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String timestamp = Long.toString(Instant.now().getEpochSecond() - random.nextInt(-60, 60));
    headers.add(Map.entry(TIMESTAMP, timestamp));
    headers.add(Map.entry(SIGNATURE, signer.generate(timestamp, body.text)));
    contentType(random, headers, false);
    return new HostileDelivery(body.kind + ", signed", bytes(body), headers, false, null);
  }

  // ---- bodies ------------------------------------------------------------------------------

  /** A body as text, or as raw bytes when it is not UTF-8. */
  private record Body(String kind, String text, byte[] raw) {
    Body(String kind, String text) {
      this(kind, text, null);
    }
  }

  private static byte[] bytes(Body body) {
    return body.raw != null ? body.raw : body.text.getBytes(StandardCharsets.UTF_8);
  }

  private Body genuineClick(SplittableRandom random) {
    return new Body(
        "genuine click", form(clickJson(random, "U0FUZZ" + random.nextInt(1000), "fuzz")));
  }

  private Body anyInvalidBody(SplittableRandom random) {
    return switch (random.nextInt(12)) {
      case 0 -> new Body("random text", HostileInputs.hostile(random, 0, 2_000));
      case 1 -> {
        byte[] raw = new byte[random.nextInt(2_000)];
        for (int i = 0; i < raw.length; i++) {
          raw[i] = (byte) random.nextInt(256);
        }
        yield new Body("random bytes", new String(raw, StandardCharsets.ISO_8859_1), raw);
      }
      case 2 -> new Body("broken percent escapes", "payload=%7B%2" + "%E0%A4%A".repeat(3));
      case 3 ->
          new Body("no payload field", "foo=bar&payloads=" + HostileInputs.hostile(random, 0, 50));
      case 4 -> new Body("payload not JSON", form(HostileInputs.hostile(random, 1, 500)));
      case 5 -> new Body("payload not an object", form(random.nextBoolean() ? "[]" : "\"x\""));
      case 6 ->
          new Body(
              "another payload type",
              form(
                  clickJson(random, "U0FUZZ1", "fuzz")
                      .replace(
                          "block_actions", random.nextBoolean() ? "view_submission" : "shortcut")));
      case 7 -> new Body("hostile values", form(hostileClick(random)));
      case 8 ->
          new Body(
              "two payload fields",
              form(clickJson(random, "U0FUZZ2", "fuzz"))
                  + "&"
                  + form(clickJson(random, "U0FUZZ3", "fuzz")));
      case 9 ->
          new Body(
              "huge body", "payload=" + "x".repeat(MAX_BODY_SIZE + random.nextInt(1, 100_000)));
      case 10 ->
          new Body(
              "foreign response_url",
              form(
                  clickJson(random, "U0FUZZ4", "fuzz")
                      .replace(
                          responseUrl,
                          random.nextBoolean()
                              ? "http://169.254.169.254/latest/meta-data"
                              : "https://hooks.slack.com.evil.example/actions/1")));
      default -> new Body("empty", random.nextBoolean() ? "" : "payload=");
    };
  }

  private String clickJson(SplittableRandom random, String userId, String userName) {
    String action = ACTIONS[random.nextInt(ACTIONS.length)];
    String value =
        action.equals("lead_not_a_lead")
            ? "\"selected_option\":{\"value\":\"spam\"},\"type\":\"static_select\""
            : "\"value\":\"" + workflowId + "\",\"type\":\"button\"";
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\""
        + userId
        + "\",\"username\":\""
        + userName
        + "\",\"team_id\":\"T0FUZZ\"},\"api_app_id\":\"A0FUZZ\",\"response_url\":\""
        + responseUrl
        + "\",\"actions\":[{\"action_id\":\""
        + action
        + "\",\"block_id\":\"lead-actions:"
        + workflowId
        + "\","
        + value
        + ",\"action_ts\":\""
        + Instant.now().getEpochSecond()
        + "."
        + random.nextInt(100_000, 999_999)
        + "\"}]}";
  }

  /** A click whose fields are hostile strings, wrong types, or missing: never a valid click. */
  private String hostileClick(SplittableRandom random) {
    String base = clickJson(random, "U0FUZZ5", "fuzz");
    String hostile = jsonString(HostileInputs.hostile(random, 0, 300));
    return switch (random.nextInt(7)) {
      case 0 -> base.replace("\"U0FUZZ5\"", hostile);
      case 1 -> base.replace("\"lead-actions:" + workflowId + "\"", hostile);
      case 2 ->
          base.replaceFirst(
              "\"action_ts\":\"[^\"]+\"",
              java.util.regex.Matcher.quoteReplacement("\"action_ts\":" + hostile));
      case 3 -> base.replace("\"action_id\":\"lead_", "\"action_id\":\"x");
      case 4 -> base.replace("\"user\":{", "\"user\":[{").replace(",\"team_id\":\"T0FUZZ\"}", "]");
      case 5 -> base.replaceFirst(",\"actions\":\\[.*]", ",\"actions\":[]");
      default ->
          base.replace("\"response_url\":\"" + responseUrl + "\"", "\"response_url\":" + hostile);
    };
  }

  private static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    text.chars()
        .forEach(
            c -> {
              if (c == '"' || c == '\\' || c < 0x20) {
                json.append(String.format("\\u%04x", c));
              } else {
                json.append((char) c);
              }
            });
    return json.append('"').toString();
  }

  private static String form(String payloadJson) {
    return "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
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

  /** Adds signature headers that are missing, garbled or wrong, and says how. */
  private String wrongSignature(
      SplittableRandom random, String body, List<Map.Entry<String, String>> headers) {
    long now = Instant.now().getEpochSecond();
    String timestamp = Long.toString(now);
    switch (random.nextInt(9)) {
      case 0 -> {
        return "no signature headers";
      }
      case 1 -> {
        headers.add(Map.entry(TIMESTAMP, timestamp));
        return "timestamp only";
      }
      case 2 -> {
        headers.add(Map.entry(SIGNATURE, signer.generate(timestamp, body)));
        return "signature without timestamp";
      }
      case 3 -> {
        headers.add(Map.entry(TIMESTAMP, timestamp));
        headers.add(Map.entry(SIGNATURE, otherSecret.generate(timestamp, body)));
        return "another app's secret";
      }
      case 4 -> {
        headers.add(Map.entry(TIMESTAMP, timestamp));
        headers.add(Map.entry(SIGNATURE, signer.generate(timestamp, body + " ")));
        return "signature over other bytes";
      }
      case 5 -> {
        String stale = Long.toString(now - 301 - random.nextInt(100_000));
        headers.add(Map.entry(TIMESTAMP, stale));
        headers.add(Map.entry(SIGNATURE, signer.generate(stale, body)));
        return "stale timestamp, correctly signed";
      }
      case 6 -> {
        String future = Long.toString(now + 301 + random.nextInt(100_000));
        headers.add(Map.entry(TIMESTAMP, future));
        headers.add(Map.entry(SIGNATURE, signer.generate(future, body)));
        return "future timestamp, correctly signed";
      }
      case 7 -> {
        String garbled = HostileInputs.hostile(random, 0, 30).replaceAll("[^\\x21-\\x7e]", "");
        headers.add(Map.entry(TIMESTAMP, garbled.isEmpty() ? "x" : garbled));
        headers.add(Map.entry(SIGNATURE, signer.generate(timestamp, body)));
        return "garbled timestamp";
      }
      default -> {
        String garbled = signer.generate(timestamp, body);
        garbled =
            switch (random.nextInt(4)) {
              case 0 -> garbled.toUpperCase();
              case 1 -> garbled.replace("v0=", "v1=");
              case 2 -> garbled.substring(0, random.nextInt(garbled.length()));
              default -> "v0=" + "0".repeat(64);
            };
        headers.add(Map.entry(TIMESTAMP, timestamp));
        headers.add(Map.entry(SIGNATURE, garbled));
        return "garbled signature";
      }
    }
  }
}
