package com.leadprocessor.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlackEmulationTest {

  private final SlackEmulation slack = SlackEmulation.start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void postedFormMessageIsAnsweredAndKeptWithItsMetadata() throws Exception {
    HttpResponse<String> response =
        post(
            "chat.postMessage",
            "channel=%23sales-leads&text=hello&blocks=%5B%5D&metadata="
                + "%7B%22event_type%22%3A%22lead_alert%22%2C%22event_payload%22%3A"
                + "%7B%22workflow_id%22%3A%22lead-conv-1%22%7D%7D");

    assertThat(slack.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/api/");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"ok\":true")
        .contains("\"channel\":\"C000000001\"")
        .contains("\"ts\":\"");
    SlackEmulation.Message message = slack.messagesIn("#sales-leads").get(0);
    assertThat(message.text()).isEqualTo("hello");
    assertThat(message.metadataEventType()).isEqualTo("lead_alert");
    assertThat(message.metadataPayload()).containsEntry("workflow_id", "lead-conv-1");
    assertThat(slack.requests("chat.postMessage").get(0).authorization())
        .isEqualTo("Bearer xoxb-test");
  }

  @Test
  void jsonBodiesAreAcceptedAndTimestampsIncrease() throws Exception {
    postJson("chat.postMessage", "{\"channel\":\"#a\",\"text\":\"one\"}");
    postJson("chat.postMessage", "{\"channel\":\"#a\",\"text\":\"two\",\"blocks\":[]}");

    assertThat(slack.messagesIn("a")).extracting(SlackEmulation.Message::text).contains("one");
    assertThat(
            Double.parseDouble(slack.messages().get(1).ts())
                - Double.parseDouble(slack.messages().get(0).ts()))
        .isPositive();
  }

  @Test
  void historyNeedsAChannelIdAndShowsMetadataOnlyWhenAsked() throws Exception {
    post("chat.postMessage", "channel=%23a&text=x&metadata=%7B%22event_type%22%3A%22e%22%7D");
    String id = slack.channelId("#a");

    assertThat(post("conversations.history", "channel=%23a").body()).contains("channel_not_found");
    assertThat(post("conversations.history", "channel=" + id).body())
        .contains("\"text\":\"x\"")
        .doesNotContain("event_type");
    assertThat(post("conversations.history", "channel=" + id + "&include_all_metadata=true").body())
        .contains("\"event_type\":\"e\"");
    assertThat(post("conversations.list", "types=public_channel").body())
        .contains("\"name\":\"a\"")
        .contains("\"id\":\"" + id + "\"");
  }

  @Test
  void threadRepliesAreKeptInTheirThreadAndLeftOutOfHistory() throws Exception {
    post("chat.postMessage", "channel=%23a&text=summary");
    String summaryTs = slack.messagesIn("#a").get(0).ts();
    post("chat.postMessage", "channel=%23a&text=reply&thread_ts=" + summaryTs);

    SlackEmulation.Message reply = slack.messagesIn("#a").get(1);
    assertThat(slack.threadTsOf(reply)).isEqualTo(summaryTs);
    assertThat(slack.repliesTo(reply.channel(), summaryTs)).containsExactly(reply);
    assertThat(slack.topLevelMessagesIn("#a"))
        .extracting(SlackEmulation.Message::text)
        .containsExactly("summary");
    assertThat(post("conversations.history", "channel=" + slack.channelId("#a")).body())
        .contains("\"text\":\"summary\"")
        .doesNotContain("\"text\":\"reply\"");
  }

  @Test
  void switchesAnswerLikeSlack() throws Exception {
    slack.rateLimitNext(1, 2);
    HttpResponse<String> limited = post("chat.postMessage", "channel=%23a&text=x");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("2");
    assertThat(slack.rateLimitedResponses()).isEqualTo(1);

    slack.failWith("channel_not_found");
    HttpResponse<String> failed = post("chat.postMessage", "channel=%23a&text=x");
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.body()).isEqualTo("{\"ok\":false,\"error\":\"channel_not_found\"}");

    slack.heal().archive("#a");
    assertThat(post("chat.postMessage", "channel=%23a&text=x").body()).contains("is_archived");

    slack.unavailableNext(1);
    assertThat(post("chat.postMessage", "channel=%23b&text=x").statusCode()).isEqualTo(503);

    assertThat(slack.messages()).isEmpty();
  }

  @Test
  void missingOrWrongTokenIsRefused() throws Exception {
    slack.expectToken("xoxb-right");
    HttpResponse<String> unauthenticated =
        http.send(
            HttpRequest.newBuilder(URI.create(slack.baseUrl() + "chat.postMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("channel=%23a&text=x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(unauthenticated.body()).contains("not_authed");
    assertThat(post("chat.postMessage", "channel=%23a&text=x").body()).contains("invalid_auth");
  }

  @Test
  void enforcedLimitRefusesASecondPostToTheSameChannelWithinASecond() throws Exception {
    slack.enforceRateLimit(1.0);

    post("chat.postMessage", "channel=%23a&text=1");
    HttpResponse<String> tooSoon = post("chat.postMessage", "channel=%23a&text=2");
    post("chat.postMessage", "channel=%23b&text=3");

    assertThat(tooSoon.statusCode()).isEqualTo(429);
    assertThat(tooSoon.headers().firstValue("Retry-After")).contains("1");
    assertThat(slack.rateLimitedResponses()).isEqualTo(1);
    assertThat(slack.messages()).extracting(SlackEmulation.Message::text).containsExactly("1", "3");
  }

  @Test
  void slowAnswerComesAfterTheMessageIsStored() throws Exception {
    slack.slowNext(1, Duration.ofMillis(700));
    long start = System.nanoTime();

    post("chat.postMessage", "channel=%23a&text=x");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(600));
    assertThat(slack.messages()).hasSize(1);
  }

  @Test
  void updateRewritesTheBotsMessageByChannelIdAndTsOnly() throws Exception {
    post("chat.postMessage", "channel=%23a&text=first");
    String id = slack.channelId("#a");
    String ts = slack.messages().get(0).ts();

    HttpResponse<String> byName = post("chat.update", "channel=%23a&ts=" + ts + "&text=x");
    HttpResponse<String> unknown = post("chat.update", "channel=" + id + "&ts=1.000001&text=x");
    HttpResponse<String> updated =
        post("chat.update", "channel=" + id + "&ts=" + ts + "&text=second");

    assertThat(byName.body()).contains("\"error\":\"channel_not_found\"");
    assertThat(unknown.body()).contains("\"error\":\"message_not_found\"");
    assertThat(updated.body())
        .contains("\"ok\":true")
        .contains("\"channel\":\"" + id + "\"")
        .contains("\"ts\":\"" + ts + "\"");
    assertThat(slack.updatesOf(id, ts))
        .extracting(SlackEmulation.Update::text)
        .containsExactly("second");
    assertThat(slack.messagesIn("#a"))
        .extracting(SlackEmulation.Message::text)
        .containsExactly("second");
  }

  @Test
  void updateFaultsAnswerAsSlackDoes() throws Exception {
    post("chat.postMessage", "channel=%23a&text=first");
    String update =
        "channel=" + slack.channelId("#a") + "&ts=" + slack.messages().get(0).ts() + "&text=x";

    slack.rateLimitUpdatesNext(1, 4);
    HttpResponse<String> limited = post("chat.update", update);
    slack.unavailableUpdatesNext(1);
    HttpResponse<String> unavailable = post("chat.update", update);
    slack.failUpdatesWith("cant_update_message");
    HttpResponse<String> refused = post("chat.update", update);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("4");
    assertThat(limited.body()).contains("ratelimited");
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("\"error\":\"cant_update_message\"");
    assertThat(slack.messages().get(0).text()).isEqualTo("first");
  }

  @Test
  void usersInfoShowsTheProfileEmailOrUserNotFound() throws Exception {
    slack.addUser("U024BE7LH", "jane", "jane@acme-sales.com").addUser("U0NOEMAIL", "joe", null);

    assertThat(post("users.info", "user=U024BE7LH").body())
        .contains("\"id\":\"U024BE7LH\"")
        .contains("\"email\":\"jane@acme-sales.com\"");
    assertThat(post("users.info", "user=U0NOEMAIL").body()).doesNotContain("email");
    assertThat(post("users.info", "user=U0NOBODY1").body())
        .contains("\"error\":\"user_not_found\"");
  }

  @Test
  void permalinkAndThreadRepliesOfAMessage() throws Exception {
    post("chat.postMessage", "channel=%23a&text=alert");
    String id = slack.channelId("#a");
    String ts = slack.messages().get(0).ts();

    HttpResponse<String> permalink =
        post("chat.getPermalink", "channel=" + id + "&message_ts=" + ts);
    post("chat.postMessage", "channel=" + id + "&thread_ts=" + ts + "&text=reply");

    assertThat(permalink.body())
        .contains("https://emulated.slack.com/archives/" + id + "/p" + ts.replace(".", ""));
    assertThat(slack.repliesTo(id, ts))
        .extracting(SlackEmulation.Message::text)
        .containsExactly("reply");
  }

  private HttpResponse<String> post(String method, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(slack.baseUrl() + method))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Bearer xoxb-test")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String method, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(slack.baseUrl() + method))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Authorization", "Bearer xoxb-test")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
