package com.leadprocessor.emulation;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's side of a click on a message's button: {@code block_actions} payloads shaped as Slack
 * sends them to an app's Interactivity Request URL, form-encoded ({@code payload=<JSON>}) and
 * signed with the app's signing secret by Slack's own {@link SlackSignature.Generator} ({@code v0},
 * {@code X-Slack-Signature} and {@code X-Slack-Request-Timestamp}); and the {@code response_url}
 * each payload carries, served on a dynamic {@code 127.0.0.1} port that keeps every message posted
 * to it (the clicker's ephemeral answers) for assertions.
 *
 * <p>The block ids, action ids and values follow the lead alert's ({@code lead-actions:<workflow
 * id>}, {@code lead_claim}, {@code lead_not_a_lead}, {@code lead_hand_back}); this module does not
 * depend on the workflows module, so they are written out here.
 */
public final class SlackInteractivity implements AutoCloseable {

  /** The team every emulated click comes from. */
  public static final String TEAM_ID = "T0EMULATOR";

  /** The Slack app the clicks are sent to. */
  public static final String APP_ID = "A0EMULATOR";

  /** The alert's Claim button. */
  public static final String CLAIM = "lead_claim";

  /** The alert's Not a lead menu. */
  public static final String NOT_A_LEAD = "lead_not_a_lead";

  /** The alert's Hand back button. */
  public static final String HAND_BACK = "lead_hand_back";

  private static final String BLOCK_ID_PREFIX = "lead-actions:";
  private static final String RESPONSE_PATH = "/actions/" + TEAM_ID + "/";

  private final WireMockServer server;
  private final SlackSignature.Generator signer;
  private final Clock clock;
  private final AtomicLong clicks = new AtomicLong();
  private final HttpClient http = HttpClient.newHttpClient();

  /** A Slack user who clicks. */
  public record SlackUser(String id, String username, String name) {

    /** A user whose display name is also their user name. */
    public static SlackUser of(String id, String username) {
      return new SlackUser(id, username, username);
    }
  }

  /**
   * A form-encoded, signed interactivity request, as Slack sends it.
   *
   * @param body the form body, {@code payload=<URL-encoded JSON>}
   * @param timestamp {@code X-Slack-Request-Timestamp}, unix seconds
   * @param signature {@code X-Slack-Signature}, {@code v0=<hex>}
   * @param responseUrl the payload's {@code response_url}
   */
  public record SignedRequest(String body, String timestamp, String signature, String responseUrl) {

    /** The same headers over a body changed after signing, as a tampering proxy would send. */
    public SignedRequest tampered() {
      return new SignedRequest(
          body.replace("lead_hand_back", "lead_claim").replace("U0", "U9") + "%20",
          timestamp,
          signature,
          responseUrl);
    }

    /** The same body and signature with no signature header. */
    public SignedRequest unsigned() {
      return new SignedRequest(body, timestamp, null, responseUrl);
    }
  }

  /**
   * A message posted to a {@code response_url}.
   *
   * @param path the path it was posted to, which identifies the click
   * @param responseType {@code ephemeral} or {@code in_channel}
   * @param replaceOriginal whether it asked to replace the clicked message
   * @param text its text
   */
  public record Reply(String path, String responseType, Boolean replaceOriginal, String text) {}

  private SlackInteractivity(String signingSecret, Clock clock) {
    this.signer = new SlackSignature.Generator(signingSecret);
    this.clock = clock;
    this.server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
  }

  /** Starts the response URL server on a free port; clicks are signed with the secret. */
  public static SlackInteractivity start(String signingSecret) {
    return start(signingSecret, Clock.systemUTC());
  }

  /** As {@link #start(String)}, with the time clicks are signed at. */
  public static SlackInteractivity start(String signingSecret, Clock clock) {
    SlackInteractivity interactivity = new SlackInteractivity(signingSecret, clock);
    interactivity.server.start();
    // What Slack answers a message posted to a response_url.
    interactivity.server.stubFor(
        post(urlPathMatching(RESPONSE_PATH + ".*")).willReturn(okJson("{\"ok\":true}")));
    return interactivity;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** The host and port of the response URLs, as {@code leads.slack.response-url-hosts} names it. */
  public String responseUrlHost() {
    return "127.0.0.1";
  }

  // Clicks.

  /** {@code user} clicks Claim on the lead's alert, signed now. */
  public SignedRequest claim(String workflowId, SlackUser user) {
    return sign(blockActions(user, CLAIM, workflowId, null));
  }

  /** {@code user} picks {@code reason} in the Not a lead menu, signed now. */
  public SignedRequest notALead(String workflowId, SlackUser user, String reason) {
    return sign(blockActions(user, NOT_A_LEAD, workflowId, reason));
  }

  /** {@code user} clicks Hand back, signed now. */
  public SignedRequest handBack(String workflowId, SlackUser user) {
    return sign(blockActions(user, HAND_BACK, workflowId, null));
  }

  /**
   * A {@code block_actions} payload as Slack sends it for a click on the lead alert's action block,
   * with a fresh {@code action_ts}, {@code trigger_id} and {@code response_url}.
   *
   * @param selectedOption the chosen option's value for a menu ({@code static_select}), null for a
   *     button
   */
  public String blockActions(
      SlackUser user, String actionId, String workflowId, String selectedOption) {
    long click = clicks.incrementAndGet();
    Instant now = clock.instant();
    String actionTs = now.getEpochSecond() + "." + String.format("%06d", click % 1_000_000);
    String messageTs = (now.getEpochSecond() - 60) + ".000100";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "block_actions");
    payload.put(
        "user",
        ordered(
            "id", user.id(), "username", user.username(), "name", user.name(), "team_id", TEAM_ID));
    payload.put("api_app_id", APP_ID);
    payload.put("token", "verification-token-deprecated");
    payload.put(
        "container",
        ordered(
            "type",
            "message",
            "message_ts",
            messageTs,
            "channel_id",
            "C000000001",
            "is_ephemeral",
            false));
    payload.put("trigger_id", click + "." + now.toEpochMilli() + ".emulated");
    payload.put("team", ordered("id", TEAM_ID, "domain", "emulated"));
    payload.put("enterprise", null);
    payload.put("is_enterprise_install", false);
    payload.put("channel", ordered("id", "C000000001", "name", "sales-leads"));
    payload.put(
        "message",
        ordered(
            "type",
            "message",
            "subtype",
            "bot_message",
            "text",
            "New lead",
            "ts",
            messageTs,
            "bot_id",
            "B0EMULATOR",
            "blocks",
            List.of()));
    payload.put("state", ordered("values", Map.of()));
    payload.put(
        "response_url",
        "http://127.0.0.1:" + server.port() + RESPONSE_PATH + click + "/" + UUID.randomUUID());
    payload.put("actions", List.of(action(actionId, workflowId, selectedOption, actionTs)));
    return Json.write(payload);
  }

  private static Map<String, Object> action(
      String actionId, String workflowId, String selectedOption, String actionTs) {
    Map<String, Object> action = new LinkedHashMap<>();
    action.put("action_id", actionId);
    action.put("block_id", BLOCK_ID_PREFIX + workflowId);
    if (selectedOption == null) {
      action.put("text", ordered("type", "plain_text", "text", label(actionId), "emoji", true));
      action.put("value", workflowId);
      action.put("type", "button");
    } else {
      action.put(
          "selected_option",
          ordered(
              "text",
              ordered("type", "plain_text", "text", selectedOption, "emoji", true),
              "value",
              selectedOption));
      action.put("placeholder", ordered("type", "plain_text", "text", "Not a lead", "emoji", true));
      action.put("type", "static_select");
    }
    action.put("action_ts", actionTs);
    return action;
  }

  /** Form-encodes and signs a payload at the current time. */
  public SignedRequest sign(String payloadJson) {
    return sign(payloadJson, clock.instant());
  }

  /** Form-encodes and signs a payload as if sent at {@code at}, for stale and future requests. */
  public SignedRequest sign(String payloadJson, Instant at) {
    String body = "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
    String timestamp = Long.toString(at.getEpochSecond());
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = Json.read(payloadJson, Map.class);
    Object responseUrl = payload.get("response_url");
    return new SignedRequest(
        body,
        timestamp,
        signer.generate(timestamp, body),
        responseUrl == null ? null : responseUrl.toString());
  }

  /**
   * Signs any form body at the current time, for bodies Slack would never send (malformed forms,
   * payloads that are not JSON); such a request has no response URL.
   */
  public SignedRequest signRaw(String formBody) {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    return new SignedRequest(formBody, timestamp, signer.generate(timestamp, formBody), null);
  }

  /** Posts a request to an Interactivity Request URL as Slack does; answers its response. */
  public HttpResponse<String> send(URI interactivityUrl, SignedRequest request)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(interactivityUrl)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
            .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, request.timestamp())
            .POST(HttpRequest.BodyPublishers.ofString(request.body()));
    if (request.signature() != null) {
      builder.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, request.signature());
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  // What the app answered.

  /** Every message posted to a response URL, oldest first. */
  public List<Reply> replies() {
    List<Reply> replies = new ArrayList<>();
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
    for (ServeEvent event : events) {
      if (!event.getRequest().getUrl().startsWith(RESPONSE_PATH)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> json = Json.read(event.getRequest().getBodyAsString(), Map.class);
      replies.add(
          new Reply(
              URI.create(event.getRequest().getUrl()).getPath(),
              (String) json.get("response_type"),
              (Boolean) json.get("replace_original"),
              (String) json.get("text")));
    }
    return replies;
  }

  /** The messages posted to one click's response URL. */
  public List<Reply> repliesTo(SignedRequest request) {
    if (request.responseUrl() == null) {
      return List.of();
    }
    String path = URI.create(request.responseUrl()).getPath();
    return replies().stream().filter(reply -> reply.path().equals(path)).toList();
  }

  private static String label(String actionId) {
    return switch (actionId) {
      case CLAIM -> "Claim";
      case HAND_BACK -> "Hand back";
      default -> actionId;
    };
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
