package com.leadprocessor.emulation;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slack's Web API on a dynamic {@code 127.0.0.1} port, answering like Slack: {@code
 * chat.postMessage}, {@code chat.update}, {@code chat.getPermalink}, {@code users.info}, {@code
 * conversations.history} and {@code conversations.list} with form or JSON bodies and a bearer
 * token; errors as {@code {"ok":false,"error":...}} with HTTP 200, rate limits as HTTP 429 with
 * {@code Retry-After}. Posted messages, their updates and thread replies are kept in memory for
 * assertions.
 *
 * <p>Usable without JUnit: {@link #start()} in any JVM, {@link #close()} when done, or {@link
 * #main} to run it on its own. Another process reads the state from {@code GET
 * /_emulation/messages} and {@code GET /_emulation/stats}.
 */
public final class SlackEmulation implements AutoCloseable {

  /** The user id every emulated message is posted as. */
  public static final String BOT_USER = "U0EMULATOR";

  private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{8,}");

  /** A post sooner than the limit allows, minus this, is refused; absorbs scheduling jitter. */
  private static final long RATE_LIMIT_TOLERANCE_MILLIS = 50;

  private final WireMockServer server;
  private final Object lock = new Object();
  private final List<Request> requests = new ArrayList<>();
  private final List<Message> messages = new ArrayList<>();
  private final Map<String, Channel> channelsByName = new LinkedHashMap<>();
  private final Map<String, Long> lastPostMillisByChannel = new LinkedHashMap<>();
  // The thread_ts of each reply, by the reply's channel id and ts (see threadKey): kept beside
  // Message so that its shape stays.
  private final Map<String, String> threadTsByTs = new LinkedHashMap<>();
  private long lastTsMicros;
  private int rateLimitedResponses;
  private int rateLimitNext;
  private int rateLimitRetryAfterSeconds;
  private int unavailableNext;
  private int slowNext;
  private Duration slowDelay = Duration.ZERO;
  private Duration latency = Duration.ZERO;
  private String postError;
  private String historyError;
  private AnswerShape historyShape;
  private AnswerShape postShape;
  private int postShapeNext;
  private String expectedToken;
  private double enforcedPerSecond;
  private final List<Update> updates = new ArrayList<>();
  private final Map<String, User> usersById = new LinkedHashMap<>();
  private String updateError;
  private int updateRateLimitNext;
  private int updateRetryAfterSeconds;
  private int updateUnavailableNext;

  /**
   * A {@code chat.update} Slack accepted: the message it rewrote (channel id and ts) and the new
   * text and blocks.
   */
  public record Update(String channel, String ts, String text, String blocksJson) {}

  /**
   * A workspace member, as {@code users.info} shows them.
   *
   * @param email the profile's email; null when the app lacks {@code users:read.email} or the
   *     member has none
   */
  public record User(String id, String name, String email) {}

  /** A message as Slack stored it. */
  public record Message(
      String channel,
      String channelName,
      String ts,
      String text,
      String blocksJson,
      String metadataJson,
      String authorization) {

    /** The metadata's {@code event_type}, or null when the message has none. */
    public String metadataEventType() {
      return metadataJson == null ? null : (String) metadata().get("event_type");
    }

    /** The metadata's {@code event_payload}, empty when the message has none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> metadataPayload() {
      Object payload = metadataJson == null ? null : metadata().get("event_payload");
      return payload instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadata() {
      return Json.read(metadataJson, Map.class);
    }
  }

  /**
   * A request as received: the Web API method ({@code chat.postMessage}), HTTP path, {@code
   * Authorization} header, content type and parameters (form fields, query or JSON body keys;
   * nested JSON values as JSON text).
   */
  public record Request(
      String method,
      String path,
      String authorization,
      String contentType,
      Map<String, String> params,
      int status) {}

  private record Channel(String id, String name, boolean archived) {
    Channel archive() {
      return new Channel(id, name, true);
    }
  }

  /**
   * Answers the real Web API gives besides the usual ones, which the client library turns into
   * responses with missing fields: each must be handled without a crash.
   */
  public enum AnswerShape {
    /** {@code {"ok":true}} and nothing else: no {@code messages}, {@code channel} or {@code ts}. */
    OK_WITHOUT_FIELDS,
    /** {@code {"ok":false}} without an {@code error}. */
    ERROR_WITHOUT_ERROR,
    /** {@code {"ok":false,"warning":"superfluous_charset"}}: a warning, no error. */
    WARNING_WITHOUT_ERROR,
    /** HTTP 429 with {@code Retry-After: 1} and {@code {"ok":false,"error":"ratelimited"}}. */
    RATE_LIMITED;

    private Reply reply() {
      return switch (this) {
        case OK_WITHOUT_FIELDS -> new Reply(200, Map.of("ok", true), Map.of());
        case ERROR_WITHOUT_ERROR -> new Reply(200, Map.of("ok", false), Map.of());
        case WARNING_WITHOUT_ERROR ->
            new Reply(200, Map.of("ok", false, "warning", "superfluous_charset"), Map.of());
        case RATE_LIMITED ->
            new Reply(429, Reply.errorBody("ratelimited"), Map.of("Retry-After", "1"));
      };
    }
  }

  private record Reply(int status, Map<String, Object> body, Map<String, String> headers) {
    static Reply ok(Map<String, Object> body) {
      Map<String, Object> withOk = new LinkedHashMap<>();
      withOk.put("ok", true);
      withOk.putAll(body);
      return new Reply(200, withOk, Map.of());
    }

    static Reply error(String error) {
      return new Reply(200, errorBody(error), Map.of());
    }

    static Map<String, Object> errorBody(String error) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("ok", false);
      body.put("error", error);
      if ("missing_scope".equals(error)) {
        body.put("needed", "chat:write");
        body.put("provided", "channels:history");
      }
      return body;
    }
  }

  private SlackEmulation() {
    server =
        new WireMockServer(
            WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .extensions(new Responder()));
  }

  /** Starts an emulation on a free port of {@code 127.0.0.1}. */
  public static SlackEmulation start() {
    SlackEmulation emulation = new SlackEmulation();
    emulation.server.start();
    emulation.server.stubFor(any(urlPathMatching("/.*")).willReturn(ok()));
    return emulation;
  }

  /**
   * Runs an emulation until the process ends, printing its base URL. Arguments: {@code
   * --enforce-rate-limit=<messages per second per channel>} to enforce Slack's limit.
   */
  public static void main(String[] args) throws InterruptedException {
    SlackEmulation emulation = start();
    for (String arg : args) {
      if (arg.startsWith("--enforce-rate-limit=")) {
        emulation.enforceRateLimit(Double.parseDouble(arg.substring(arg.indexOf('=') + 1)));
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(emulation::close));
    System.out.println("Slack emulation at " + emulation.baseUrl());
    Thread.currentThread().join();
  }

  /** The Web API's base URL, ending in {@code /api/}, as {@code SLACK_API_URL} takes it. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/api/";
  }

  @Override
  public void close() {
    server.stop();
  }

  // Switches.

  /** Answers the next {@code count} posts with HTTP 429 and {@code Retry-After}. */
  public SlackEmulation rateLimitNext(int count, int retryAfterSeconds) {
    synchronized (lock) {
      rateLimitNext = count;
      rateLimitRetryAfterSeconds = retryAfterSeconds;
    }
    return this;
  }

  /**
   * Answers every post with {@code {"ok":false,"error":<error>}} (HTTP 200, as Slack does) until
   * {@link #heal()}; {@code ratelimited} and {@code rate_limited} come with {@code Retry-After: 1}.
   */
  public SlackEmulation failWith(String error) {
    synchronized (lock) {
      postError = error;
    }
    return this;
  }

  /** Answers {@code conversations.history} and {@code conversations.list} with an error. */
  public SlackEmulation failHistoryWith(String error) {
    synchronized (lock) {
      historyError = error;
    }
    return this;
  }

  /**
   * Answers every {@code conversations.history} call with this shape until {@link #heal()}; {@code
   * conversations.list} keeps answering, so the look-up reaches history.
   */
  public SlackEmulation historyAnswers(AnswerShape shape) {
    synchronized (lock) {
      historyShape = shape;
    }
    return this;
  }

  /**
   * Answers the next {@code count} posts with this shape. {@link AnswerShape#OK_WITHOUT_FIELDS}
   * stores the message first, as when Slack posted it and the answer came back mangled.
   */
  public SlackEmulation postAnswersNext(int count, AnswerShape shape) {
    synchronized (lock) {
      postShape = shape;
      postShapeNext = count;
    }
    return this;
  }

  /** Archives a channel: posts to it answer {@code is_archived}. */
  public SlackEmulation archive(String channel) {
    synchronized (lock) {
      Channel existing = channel(channel);
      channelsByName.put(existing.name(), existing.archive());
    }
    return this;
  }

  /** Answers the next {@code count} posts with HTTP 503. */
  public SlackEmulation unavailableNext(int count) {
    synchronized (lock) {
      unavailableNext = count;
    }
    return this;
  }

  /**
   * Every Web API answer takes at least this long, as Slack's over a network would; a benchmark's
   * downstream latency. {@link #heal()} keeps it.
   */
  public SlackEmulation latency(Duration answerLatency) {
    synchronized (lock) {
      latency = answerLatency;
    }
    return this;
  }

  /**
   * Delays the answer to the next {@code count} posts; the message is stored before the delay, as
   * when Slack posted it and the answer was lost to a timeout.
   */
  public SlackEmulation slowNext(int count, Duration delay) {
    synchronized (lock) {
      slowNext = count;
      slowDelay = delay;
    }
    return this;
  }

  /**
   * Refuses posts to a channel sooner than {@code 1 / perSecondPerChannel} seconds after its
   * previous accepted post with HTTP 429 and {@code Retry-After}, as Slack does (about one message
   * per second per channel). Refusals are counted in {@link #rateLimitedResponses()}.
   */
  public SlackEmulation enforceRateLimit(double perSecondPerChannel) {
    synchronized (lock) {
      enforcedPerSecond = perSecondPerChannel;
    }
    return this;
  }

  /** Accepts only this bot token; any other answers {@code invalid_auth}. */
  public SlackEmulation expectToken(String token) {
    synchronized (lock) {
      expectedToken = token;
    }
    return this;
  }

  /** Clears every failure switch; stored messages and counters stay. */
  public SlackEmulation heal() {
    synchronized (lock) {
      postError = null;
      historyError = null;
      historyShape = null;
      postShapeNext = 0;
      rateLimitNext = 0;
      unavailableNext = 0;
      slowNext = 0;
      updateError = null;
      updateRateLimitNext = 0;
      updateUnavailableNext = 0;
    }
    return this;
  }

  /**
   * Answers every {@code chat.update} with {@code {"ok":false,"error":<error>}} (HTTP 200) until
   * {@link #heal()}: {@code message_not_found}, {@code cant_update_message}, {@code
   * edit_window_closed}, {@code invalid_auth}...
   */
  public SlackEmulation failUpdatesWith(String error) {
    synchronized (lock) {
      updateError = error;
    }
    return this;
  }

  /** Answers the next {@code count} updates with HTTP 429 {@code ratelimited} and Retry-After. */
  public SlackEmulation rateLimitUpdatesNext(int count, int retryAfterSeconds) {
    synchronized (lock) {
      updateRateLimitNext = count;
      updateRetryAfterSeconds = retryAfterSeconds;
    }
    return this;
  }

  /** Answers the next {@code count} updates with HTTP 503. */
  public SlackEmulation unavailableUpdatesNext(int count) {
    synchronized (lock) {
      updateUnavailableNext = count;
    }
    return this;
  }

  /** Makes a member exist in the workspace, for {@code users.info}; a null email hides it. */
  public SlackEmulation addUser(String id, String name, String email) {
    synchronized (lock) {
      usersById.put(id, new User(id, name, email));
    }
    return this;
  }

  // Accessors.

  /**
   * Every accepted {@code chat.update} of the message with this channel id and ts, oldest first.
   */
  public List<Update> updatesOf(String channel, String ts) {
    synchronized (lock) {
      return updates.stream()
          .filter(update -> update.channel().equals(channel) && update.ts().equals(ts))
          .toList();
    }
  }

  /** The messages posted in the thread of the message with this channel id and ts. */
  public List<Message> repliesTo(String channel, String ts) {
    synchronized (lock) {
      return messages.stream()
          .filter(message -> message.channel().equals(channel))
          .filter(message -> ts.equals(threadTsByTs.get(threadKey(message))))
          .toList();
    }
  }

  /** Every message posted, oldest first. */
  public List<Message> messages() {
    synchronized (lock) {
      return List.copyOf(messages);
    }
  }

  /** The messages of one channel that are not thread replies, oldest first. */
  public List<Message> topLevelMessagesIn(String channel) {
    synchronized (lock) {
      return messagesIn(channel).stream()
          .filter(message -> !threadTsByTs.containsKey(threadKey(message)))
          .toList();
    }
  }

  private static String threadKey(Message message) {
    return message.channel() + "/" + message.ts();
  }

  /** The {@code thread_ts} a message was posted with, or null for a message in the channel. */
  public String threadTsOf(Message message) {
    synchronized (lock) {
      return threadTsByTs.get(threadKey(message));
    }
  }

  /** The messages in one channel, by id or by name (with or without {@code #}). */
  public List<Message> messagesIn(String channel) {
    synchronized (lock) {
      String id = channel(channel).id();
      return messages.stream().filter(message -> message.channel().equals(id)).toList();
    }
  }

  /** The id Slack gives a channel name such as {@code #sales-leads}. */
  public String channelId(String channel) {
    synchronized (lock) {
      return channel(channel).id();
    }
  }

  /** How many answers were HTTP 429, from {@link #rateLimitNext} or the enforced limit. */
  public int rateLimitedResponses() {
    synchronized (lock) {
      return rateLimitedResponses;
    }
  }

  /** Every request received, oldest first. */
  public List<Request> requests() {
    synchronized (lock) {
      return List.copyOf(requests);
    }
  }

  /** The requests to one Web API method, such as {@code chat.postMessage}. */
  public List<Request> requests(String method) {
    return requests().stream().filter(request -> request.method().equals(method)).toList();
  }

  // The API.

  private final class Responder implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "slack-web-api";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      var request = serveEvent.getRequest();
      String path = request.getUrl().replaceFirst("\\?.*", "");
      Reply reply;
      long delayMillis = 0;
      Map<String, String> params = params(request);
      String authorization = request.getHeader("Authorization");
      synchronized (lock) {
        if (path.startsWith("/_emulation/")) {
          return json(emulationState(path), Map.of(), 200, 0);
        }
        String method = path.startsWith("/api/") ? path.substring("/api/".length()) : path;
        delayMillis = latency.toMillis();
        if (unavailableNext > 0 && "chat.postMessage".equals(method)) {
          unavailableNext--;
          reply = new Reply(503, Reply.errorBody("service_unavailable"), Map.of());
        } else if (updateUnavailableNext > 0 && "chat.update".equals(method)) {
          updateUnavailableNext--;
          reply = new Reply(503, Reply.errorBody("service_unavailable"), Map.of());
        } else {
          reply = answer(method, params, authorization);
          if ("chat.postMessage".equals(method) && reply.body().get("ok") == Boolean.TRUE) {
            if (slowNext > 0) {
              slowNext--;
              delayMillis = Math.max(delayMillis, slowDelay.toMillis());
            }
          }
        }
        if (reply.status() == 429) {
          rateLimitedResponses++;
        }
        requests.add(
            new Request(
                method,
                path,
                authorization,
                request.getHeader("Content-Type"),
                Map.copyOf(params),
                reply.status()));
      }
      return json(reply.body(), reply.headers(), reply.status(), delayMillis);
    }
  }

  private Reply answer(String method, Map<String, String> params, String authorization) {
    String token = token(params, authorization);
    if (token == null || token.isBlank()) {
      return Reply.error("not_authed");
    }
    if (expectedToken != null && !expectedToken.equals(token)) {
      return Reply.error("invalid_auth");
    }
    return switch (method) {
      case "chat.postMessage" -> shapedPost(params, authorization);
      case "conversations.history" -> historyShape != null ? historyShape.reply() : history(params);
      case "conversations.list" -> list();
      case "chat.update" -> update(params);
      case "chat.getPermalink" -> permalink(params);
      case "users.info" -> userInfo(params);
      case "auth.test" ->
          Reply.ok(
              Map.of(
                  "url", "https://emulated.slack.com/",
                  "team", "Emulated",
                  "user", "lead-bot",
                  "team_id", "T0EMULATOR",
                  "user_id", BOT_USER,
                  "bot_id", "B0EMULATOR"));
      default -> Reply.error("unknown_method");
    };
  }

  private Reply shapedPost(Map<String, String> params, String authorization) {
    if (postShapeNext <= 0) {
      return postMessage(params, authorization);
    }
    postShapeNext--;
    if (postShape == AnswerShape.OK_WITHOUT_FIELDS) {
      Reply stored = postMessage(params, authorization);
      return stored.body().get("ok") == Boolean.TRUE ? postShape.reply() : stored;
    }
    return postShape.reply();
  }

  private Reply postMessage(Map<String, String> params, String authorization) {
    if (rateLimitNext > 0) {
      rateLimitNext--;
      return rateLimited(rateLimitRetryAfterSeconds);
    }
    if (postError != null) {
      boolean rateLimit = postError.equals("ratelimited") || postError.equals("rate_limited");
      return new Reply(
          200, Reply.errorBody(postError), rateLimit ? Map.of("Retry-After", "1") : Map.of());
    }
    String name = params.get("channel");
    if (name == null || name.isBlank()) {
      return Reply.error("channel_not_found");
    }
    if (params.get("text") == null && params.get("blocks") == null) {
      return Reply.error("no_text");
    }
    Channel channel = channel(name);
    if (channel.archived()) {
      return Reply.error("is_archived");
    }
    long now = System.currentTimeMillis();
    if (enforcedPerSecond > 0) {
      long interval = Math.round(1000 / enforcedPerSecond);
      Long last = lastPostMillisByChannel.get(channel.id());
      if (last != null && now - last < interval - RATE_LIMIT_TOLERANCE_MILLIS) {
        long waitMillis = interval - (now - last);
        return rateLimited((int) Math.max(1, Math.ceil(waitMillis / 1000.0)));
      }
    }
    lastPostMillisByChannel.put(channel.id(), now);
    Message message =
        new Message(
            channel.id(),
            channel.name(),
            nextTs(now),
            params.get("text"),
            params.get("blocks"),
            params.get("metadata"),
            authorization);
    messages.add(message);
    String threadTs = params.get("thread_ts");
    if (threadTs != null && !threadTs.isBlank()) {
      threadTsByTs.put(threadKey(message), threadTs);
    }
    return Reply.ok(
        Map.of("channel", channel.id(), "ts", message.ts(), "message", view(message, true)));
  }

  /**
   * {@code chat.update}: rewrites a message of this bot, found by channel id and ts, as Slack does;
   * a channel name is not accepted here.
   */
  private Reply update(Map<String, String> params) {
    if (updateRateLimitNext > 0) {
      updateRateLimitNext--;
      return rateLimited(updateRetryAfterSeconds);
    }
    if (updateError != null) {
      return Reply.error(updateError);
    }
    String channel = params.get("channel");
    String ts = params.get("ts");
    if (channel == null || !CHANNEL_ID.matcher(channel).matches()) {
      return Reply.error("channel_not_found");
    }
    if (params.get("text") == null && params.get("blocks") == null) {
      return Reply.error("no_text");
    }
    for (int index = 0; index < messages.size(); index++) {
      Message message = messages.get(index);
      if (message.channel().equals(channel) && message.ts().equals(ts)) {
        Message updated =
            new Message(
                message.channel(),
                message.channelName(),
                message.ts(),
                params.get("text"),
                params.get("blocks"),
                message.metadataJson(),
                message.authorization());
        messages.set(index, updated);
        updates.add(new Update(channel, ts, params.get("text"), params.get("blocks")));
        return Reply.ok(
            Map.of(
                "channel",
                channel,
                "ts",
                ts,
                "text",
                updated.text() == null ? "" : updated.text(),
                "message",
                view(updated, false)));
      }
    }
    return Reply.error("message_not_found");
  }

  private Reply permalink(Map<String, String> params) {
    String channel = params.get("channel");
    String ts = params.get("message_ts");
    boolean exists =
        messages.stream()
            .anyMatch(message -> message.channel().equals(channel) && message.ts().equals(ts));
    if (!exists) {
      return Reply.error(
          channel == null || !CHANNEL_ID.matcher(channel).matches()
              ? "channel_not_found"
              : "message_not_found");
    }
    return Reply.ok(
        Map.of(
            "channel",
            channel,
            "permalink",
            "https://emulated.slack.com/archives/%s/p%s".formatted(channel, ts.replace(".", ""))));
  }

  /** {@code users.info}: the member with their profile; the email only when one is known. */
  private Reply userInfo(Map<String, String> params) {
    User user = usersById.get(params.get("user"));
    if (user == null) {
      return Reply.error("user_not_found");
    }
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("real_name", user.name());
    profile.put("display_name", user.name());
    if (user.email() != null) {
      profile.put("email", user.email());
    }
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("id", user.id());
    member.put("team_id", "T0EMULATOR");
    member.put("name", user.name());
    member.put("real_name", user.name());
    member.put("deleted", false);
    member.put("is_bot", false);
    member.put("tz", "Europe/Berlin");
    member.put("profile", profile);
    return Reply.ok(Map.of("user", member));
  }

  private Reply history(Map<String, String> params) {
    if (historyError != null) {
      return historyError.equals("missing_scope")
          ? new Reply(
              200,
              Map.of(
                  "ok", false,
                  "error", "missing_scope",
                  "needed", "channels:history,groups:history",
                  "provided", "chat:write"),
              Map.of())
          : Reply.error(historyError);
    }
    String channelParam = params.get("channel");
    if (channelParam == null || !CHANNEL_ID.matcher(channelParam).matches()) {
      // Slack wants the channel id here; a name is not found.
      return Reply.error("channel_not_found");
    }
    boolean withMetadata = truthy(params.get("include_all_metadata"));
    BigDecimal oldest = parseTs(params.get("oldest"), BigDecimal.ZERO);
    BigDecimal latest = parseTs(params.get("latest"), BigDecimal.valueOf(Long.MAX_VALUE));
    int limit = params.get("limit") == null ? 100 : Integer.parseInt(params.get("limit"));
    int offset = params.get("cursor") == null ? 0 : Integer.parseInt(params.get("cursor"));
    List<Message> newestFirst =
        messages.stream()
            .filter(message -> message.channel().equals(channelParam))
            // As Slack's history does, it leaves thread replies out.
            .filter(message -> !threadTsByTs.containsKey(threadKey(message)))
            .filter(message -> new BigDecimal(message.ts()).compareTo(oldest) > 0)
            .filter(message -> new BigDecimal(message.ts()).compareTo(latest) <= 0)
            .sorted((a, b) -> new BigDecimal(b.ts()).compareTo(new BigDecimal(a.ts())))
            .toList();
    List<Map<String, Object>> page =
        newestFirst.stream()
            .skip(offset)
            .limit(limit)
            .map(message -> view(message, withMetadata))
            .toList();
    boolean hasMore = offset + limit < newestFirst.size();
    return Reply.ok(
        Map.of(
            "messages",
            page,
            "has_more",
            hasMore,
            "pin_count",
            0,
            "response_metadata",
            Map.of("next_cursor", hasMore ? String.valueOf(offset + limit) : "")));
  }

  private Reply list() {
    if (historyError != null) {
      return historyError.equals("missing_scope")
          ? new Reply(
              200,
              Map.of(
                  "ok", false,
                  "error", "missing_scope",
                  "needed", "channels:read,groups:read",
                  "provided", "chat:write"),
              Map.of())
          : Reply.error(historyError);
    }
    List<Map<String, Object>> channels =
        channelsByName.values().stream()
            .map(
                channel ->
                    Map.<String, Object>of(
                        "id", channel.id(),
                        "name", channel.name(),
                        "is_channel", true,
                        "is_archived", channel.archived(),
                        "is_member", true))
            .toList();
    return Reply.ok(Map.of("channels", channels, "response_metadata", Map.of("next_cursor", "")));
  }

  private Reply rateLimited(int retryAfterSeconds) {
    return new Reply(
        429, Reply.errorBody("ratelimited"), Map.of("Retry-After", "" + retryAfterSeconds));
  }

  private Map<String, Object> emulationState(String path) {
    if (path.equals("/_emulation/messages")) {
      List<Map<String, Object>> all =
          messages.stream().map(message -> view(message, true)).toList();
      return Map.of("messages", all);
    }
    return Map.of(
        "messages", messages.size(),
        "requests", requests.size(),
        "rate_limited_responses", rateLimitedResponses);
  }

  private Map<String, Object> view(Message message, boolean withMetadata) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("type", "message");
    view.put("user", BOT_USER);
    view.put("bot_id", "B0EMULATOR");
    view.put("channel", message.channel());
    view.put("text", message.text() == null ? "" : message.text());
    view.put("ts", message.ts());
    if (threadTsByTs.containsKey(threadKey(message))) {
      view.put("thread_ts", threadTsByTs.get(threadKey(message)));
    }
    if (message.blocksJson() != null) {
      view.put("blocks", Json.read(message.blocksJson(), List.class));
    }
    if (withMetadata && message.metadataJson() != null) {
      view.put("metadata", Json.read(message.metadataJson(), Map.class));
    }
    return view;
  }

  /** The channel with this id or name, created on first use as Slack's workspace would have it. */
  private Channel channel(String idOrName) {
    String name = idOrName.startsWith("#") ? idOrName.substring(1) : idOrName;
    for (Channel channel : channelsByName.values()) {
      if (channel.id().equals(idOrName)) {
        return channel;
      }
    }
    return channelsByName.computeIfAbsent(
        name, key -> new Channel("C%09d".formatted(channelsByName.size() + 1), key, false));
  }

  /** A unique, increasing timestamp in Slack's {@code seconds.micros} form. */
  private String nextTs(long nowMillis) {
    lastTsMicros = Math.max(lastTsMicros + 1, nowMillis * 1000);
    return "%d.%06d".formatted(lastTsMicros / 1_000_000, lastTsMicros % 1_000_000);
  }

  private static ResponseDefinition json(
      Map<String, Object> body, Map<String, String> headers, int status, long delayMillis) {
    var builder =
        ResponseDefinitionBuilder.responseDefinition()
            .withStatus(status)
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(compactJson(body));
    headers.forEach(builder::withHeader);
    if (delayMillis > 0) {
      builder.withFixedDelay((int) delayMillis);
    }
    return builder.build();
  }

  private static Map<String, String> params(com.github.tomakehurst.wiremock.http.Request request) {
    Map<String, String> params = new LinkedHashMap<>();
    String url = request.getUrl();
    int query = url.indexOf('?');
    if (query >= 0) {
      params.putAll(formDecode(url.substring(query + 1)));
    }
    String contentType = request.getHeader("Content-Type");
    String body = request.getBodyAsString();
    if (body == null || body.isBlank()) {
      return params;
    }
    if (contentType != null && contentType.startsWith("application/json")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> json = Json.read(body, Map.class);
      json.forEach(
          (key, value) ->
              params.put(
                  key,
                  value instanceof Map || value instanceof List
                      ? compactJson(value)
                      : String.valueOf(value)));
    } else {
      params.putAll(formDecode(body));
    }
    return params;
  }

  private static Map<String, String> formDecode(String form) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String token(Map<String, String> params, String authorization) {
    if (authorization != null && authorization.startsWith("Bearer ")) {
      return authorization.substring("Bearer ".length()).strip();
    }
    return params.get("token");
  }

  private static boolean truthy(String value) {
    return "true".equalsIgnoreCase(value) || "1".equals(value);
  }

  private static BigDecimal parseTs(String ts, BigDecimal otherwise) {
    return ts == null || ts.isBlank() ? otherwise : new BigDecimal(ts);
  }

  /** Compact JSON, as Slack answers (WireMock's own writer indents). */
  static String compactJson(Object value) {
    StringBuilder json = new StringBuilder();
    writeJson(value, json);
    return json.toString();
  }

  private static void writeJson(Object value, StringBuilder json) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Map<?, ?> map) {
      json.append('{');
      String separator = "";
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.append(separator);
        writeJson(String.valueOf(entry.getKey()), json);
        json.append(':');
        writeJson(entry.getValue(), json);
        separator = ",";
      }
      json.append('}');
    } else if (value instanceof List<?> list) {
      json.append('[');
      String separator = "";
      for (Object item : list) {
        json.append(separator);
        writeJson(item, json);
        separator = ",";
      }
      json.append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else {
      json.append('"');
      for (char c : value.toString().toCharArray()) {
        switch (c) {
          case '"' -> json.append("\\\"");
          case '\\' -> json.append("\\\\");
          case '\n' -> json.append("\\n");
          case '\r' -> json.append("\\r");
          case '\t' -> json.append("\\t");
          default -> {
            if (c < 0x20) {
              json.append("\\u%04x".formatted((int) c));
            } else {
              json.append(c);
            }
          }
        }
      }
      json.append('"');
    }
  }
}
