package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eEnvironment;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.emulation.SlackInteractivity;
import com.leadprocessor.emulation.SlackInteractivity.Reply;
import com.leadprocessor.emulation.SlackInteractivity.SignedRequest;
import com.leadprocessor.emulation.SlackInteractivity.SlackUser;
import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The alert as the sales team's workspace, end to end on a real Temporal dev server with the
 * packaged apps: a webhook becomes an alert with buttons, a signed Claim click makes the lead
 * {@code CLAIMED}, a second claimer is told who has it, the alert is updated in place ({@code
 * chat.update} on the posted message), and tampered or replayed clicks are refused and change
 * nothing.
 *
 * <p>Needs, besides the interactivity endpoint: the workflow's claim phase (the claim Updates and
 * {@code AWAITING_CLAIM} / {@code CLAIMED}), the alert's Block Kit buttons and {@code chat.update}
 * in the Slack connector and emulation, and a {@code claim} section in a route of the routing rules
 * ({@code leads.routing.rules-file}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AlertClaimIT {

  private static final String SIGNING_SECRET = "e2e-alert-claim-signing-secret-0123";
  private static final SlackUser ANNA = SlackUser.of("U0ANNA0001", "anna");
  private static final SlackUser BORIS = SlackUser.of("U0BORIS001", "boris");

  private static final String ANNAS_SALESFORCE_USER = "0055g00000ANNA01";

  @AutoClose private SlackEmulation slack;
  @AutoClose private SalesforceEmulation salesforce;
  @AutoClose private SlackInteractivity interactivity;
  @AutoClose private LeadProcessorSystem system;
  private URI endpoint;

  @BeforeAll
  void startSystem() throws IOException {
    slack = SlackEmulation.start().addUser(ANNA.id(), "anna", "anna@sales.example");
    salesforce = SalesforceEmulation.start();
    salesforce.addUser(ANNAS_SALESFORCE_USER, "anna@sales.example", true);
    interactivity = SlackInteractivity.start(SIGNING_SECRET);
    system =
        LeadProcessorSystem.named("alert-claim")
            .liveSlack(slack)
            .liveSalesforce(salesforce)
            .workerEnv("LEADS_ROUTING_RULES_FILE", "file:" + rulesWithClaims())
            .apiEnv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
            .apiEnv("LEADS_SLACK_RESPONSE_URL_HOSTS", interactivity.responseUrlHost())
            .start();
    endpoint = URI.create("http://127.0.0.1:" + system.api().httpPort() + "/slack/interactivity");
  }

  @Test
  void firstClaimWinsTheSecondClaimerHearsTheOwnerAndForgedClicksChangeNothing() throws Exception {
    TestLead lead = TestLead.apiQuestion("conv-alert-claim");
    assertThat(system.webhooks().deliver(lead.messageId(), lead.body()).status()).isEqualTo(202);

    SlackEmulation.Message alert =
        await("the alert with its buttons")
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    slack.messages().stream()
                        .filter(m -> m.blocksJson() != null)
                        .filter(m -> m.blocksJson().contains("lead-actions:" + lead.workflowId()))
                        .findFirst(),
                found -> found.isPresent())
            .orElseThrow();
    assertThat(alert.blocksJson())
        .as("before a claim: Claim and Not a lead, no Hand back")
        .contains(SlackInteractivity.CLAIM, SlackInteractivity.NOT_A_LEAD)
        .doesNotContain(SlackInteractivity.HAND_BACK);
    await("the lead waits for a claim")
        .atMost(Duration.ofSeconds(30))
        .until(() -> system.leads().state(lead).status() == LeadStatus.AWAITING_CLAIM);

    SignedRequest annaClaims = interactivity.claim(lead.workflowId(), ANNA);
    assertThat(send(annaClaims).statusCode()).isEqualTo(200);
    assertThat(awaitReply(annaClaims).text()).startsWith("You claimed");
    LeadState claimed = system.leads().state(lead);
    assertThat(claimed.status()).isEqualTo(LeadStatus.CLAIMED);
    assertThat(claimed.claim().ownerSlackUserId()).isEqualTo(ANNA.id());

    SignedRequest borisClaims = interactivity.claim(lead.workflowId(), BORIS);
    assertThat(send(borisClaims).statusCode()).isEqualTo(200);
    assertThat(awaitReply(borisClaims).text()).contains("<@" + ANNA.id() + ">");

    await("the alert updated in place")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(slack.requests("chat.update"))
                    .anySatisfy(
                        update -> {
                          assertThat(update.params()).containsEntry("ts", alert.ts());
                          assertThat(update.params()).containsEntry("channel", alert.channel());
                          assertThat(update.params().get("blocks"))
                              .as("the updated alert names the owner and offers Hand back")
                              .contains(
                                  "Claimed by", "@" + ANNA.id(), SlackInteractivity.HAND_BACK);
                        }));
    await("the claimer owns the Salesforce Lead")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(salesforce.ownerUpdates())
                  .singleElement()
                  .satisfies(
                      update ->
                          assertThat(update.body())
                              .containsEntry("OwnerId", ANNAS_SALESFORCE_USER));
              assertThat(system.leads().state(lead).claim().salesforceOwnerId())
                  .isEqualTo(ANNAS_SALESFORCE_USER);
            });

    int events = system.leads().history(lead).getEventsCount();
    HttpResponse<String> tampered =
        send(interactivity.handBack(lead.workflowId(), BORIS).tampered());
    HttpResponse<String> replayed = send(annaClaims);
    assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(401);
    assertThat(tampered.body()).contains("invalid-slack-signature");
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(409);
    assertThat(replayed.body()).contains("replayed-interaction");
    assertThat(system.leads().history(lead).getEventsCount()).isEqualTo(events);
    assertThat(system.leads().state(lead).claim().ownerSlackUserId()).isEqualTo(ANNA.id());
  }

  private HttpResponse<String> send(SignedRequest click) throws Exception {
    return interactivity.send(endpoint, click);
  }

  private Reply awaitReply(SignedRequest click) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> interactivity.repliesTo(click), replies -> !replies.isEmpty())
        .get(0);
  }

  /** The shipped routing rules with a claim deadline on the default route. */
  private static Path rulesWithClaims() throws IOException {
    Path shipped =
        E2eEnvironment.repository().resolve("activities/src/main/resources/routing-rules.yml");
    String rules = Files.readString(shipped, StandardCharsets.UTF_8);
    String withClaim =
        rules.replace(
            "default:\n  slack-channel: \"#sales-leads\"\n  priority: NORMAL",
            "default:\n  slack-channel: \"#sales-leads\"\n  priority: NORMAL\n"
                + "  claim:\n    claim-within: 10m\n    escalate-to: \"#sales-escalations\"\n"
                + "    unclaimed-after: 1h\n");
    assertThat(withClaim).as("a claim section added to the default route").isNotEqualTo(rules);
    Path file = E2eEnvironment.buildSubdir("alert-claim").resolve("routing-rules.yml");
    Files.writeString(file, withClaim, StandardCharsets.UTF_8);
    return file;
  }
}
