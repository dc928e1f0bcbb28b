package com.leadprocessor.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Json;
import com.leadprocessor.emulation.SlackInteractivity.SignedRequest;
import com.leadprocessor.emulation.SlackInteractivity.SlackUser;
import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlackInteractivityTest {

  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final SlackUser ANNA = SlackUser.of("U0ANNA0001", "anna");

  private final SlackInteractivity slack = SlackInteractivity.start(SECRET);
  private final SlackSignature.Verifier verifier =
      new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void claimIsAFormEncodedBlockActionsPayloadShapedAsSlackSendsIt() {
    SignedRequest click = slack.claim("lead-conv-1", ANNA);

    assertThat(click.body()).startsWith("payload=").doesNotContain("{");
    Map<String, Object> payload = payload(click);
    assertThat(payload)
        .containsKeys(
            "type", "user", "api_app_id", "token", "container", "trigger_id", "team", "channel")
        .containsKeys("message", "response_url", "actions")
        .containsEntry("type", "block_actions");
    assertThat(payload.get("user").toString()).contains("id=U0ANNA0001", "username=anna");
    assertThat(payload.get("container").toString())
        .contains("type=message", "message_ts=", "channel_id=C000000001", "is_ephemeral=false");
    List<?> actions = (List<?>) payload.get("actions");
    assertThat(actions)
        .singleElement()
        .asString()
        .contains("action_id=lead_claim", "block_id=lead-actions:lead-conv-1")
        .contains("value=lead-conv-1", "type=button", "action_ts=");
    assertThat(click.responseUrl()).startsWith("http://127.0.0.1:").contains("/actions/");
  }

  @Test
  void notALeadCarriesTheSelectedReasonOfAStaticSelect() {
    Map<String, Object> payload = payload(slack.notALead("lead-conv-1", ANNA, "spam"));

    assertThat(((List<?>) payload.get("actions")).get(0).toString())
        .contains("action_id=lead_not_a_lead", "type=static_select", "value=spam")
        .doesNotContain("value=lead-conv-1");
  }

  @Test
  void slacksOwnVerifierAcceptsTheSignatureAndRefusesATamperedBodyOrAStaleTime() {
    SignedRequest click = slack.handBack("lead-conv-1", ANNA);
    SignedRequest stale =
        slack.sign(
            slack.blockActions(ANNA, SlackInteractivity.CLAIM, "lead-conv-1", null),
            Instant.now().minusSeconds(6 * 60));

    assertThat(verifier.isValid(click.timestamp(), click.body(), click.signature())).isTrue();
    SignedRequest tampered = click.tampered();
    assertThat(tampered.body()).isNotEqualTo(click.body());
    assertThat(verifier.isValid(tampered.timestamp(), tampered.body(), tampered.signature()))
        .isFalse();
    assertThat(verifier.isValid(stale.timestamp(), stale.body(), stale.signature())).isFalse();
  }

  @Test
  void eachClickIsItsOwnActionWithItsOwnResponseUrl() {
    SignedRequest first = slack.claim("lead-conv-1", ANNA);
    SignedRequest second = slack.claim("lead-conv-1", ANNA);

    assertThat(first.responseUrl()).isNotEqualTo(second.responseUrl());
    assertThat(actionTs(first)).isNotEqualTo(actionTs(second));
    assertThat(first.signature()).isNotEqualTo(second.signature());
  }

  @Test
  void messagesPostedToAResponseUrlAreKeptPerClick() throws Exception {
    SignedRequest first = slack.claim("lead-conv-1", ANNA);
    SignedRequest second = slack.claim("lead-conv-2", ANNA);

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(first.responseUrl()))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"response_type\":\"ephemeral\",\"replace_original\":false,"
                                + "\"text\":\"You claimed this lead.\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"ok\":true}");
    assertThat(slack.repliesTo(first))
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply.responseType()).isEqualTo("ephemeral");
              assertThat(reply.replaceOriginal()).isFalse();
              assertThat(reply.text()).isEqualTo("You claimed this lead.");
            });
    assertThat(slack.repliesTo(second)).isEmpty();
    assertThat(slack.replies()).hasSize(1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> payload(SignedRequest request) {
    String json =
        URLDecoder.decode(request.body().substring("payload=".length()), StandardCharsets.UTF_8);
    return Json.read(json, Map.class);
  }

  private static String actionTs(SignedRequest request) {
    return ((Map<?, ?>) ((List<?>) payload(request).get("actions")).get(0))
        .get("action_ts")
        .toString();
  }
}
