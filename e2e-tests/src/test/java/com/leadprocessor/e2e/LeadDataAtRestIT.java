package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What Temporal's database holds of a lead: two leads with their own email, IP address, question
 * and transcript URL, one completed and one waiting in review (its Slack step failed), then the dev
 * server's SQLite file and its write-ahead log read as bytes. With the payload codec none of those
 * values is there; without it the same check finds them, so the check can fail. A third lead with
 * the second one's email is started as versions before {@code LeadEmailHash} started them (without
 * the attribute) and gets a {@code retry} signal from the CLI, which seals the signal input through
 * the codec server ({@code --codec-endpoint}, {@code --codec-auth}). The sealed run ends with an
 * erasure request that deletes both leads of that email, the one without the hash found by its
 * start input.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LeadDataAtRestIT {

  private static final String REVIEW_TOKEN = "e2e-review-token-" + UUID.randomUUID();
  private static final List<String> WAL = List.of("--sqlite-pragma", "journal_mode=wal");
  private static final String BEFORE_EMAIL_HASH = "lead-conv-before-email-hash";

  @Test
  void withThePayloadCodecTheDatabaseHoldsNoneOfTheLeadsPersonalData() throws Exception {
    try (SlackEmulation slack = SlackEmulation.start();
        LeadProcessorSystem system =
            LeadProcessorSystem.named("at-rest-sealed")
                .liveSlack(slack)
                .temporalOptions(WAL)
                .apiEnv("LEADS_REVIEW_API_TOKENS", REVIEW_TOKEN)
                .start()) {
      List<TestLead> leads = completedAndInReview(system, slack, "sealed");
      List<String> personalData = personalData(leads);
      personalData.addAll(
          startedBeforeEmailHashAndSignalledFromTheCli(
              system,
              email(leads.get(1)),
              "--codec-endpoint",
              system.codecEndpoint(),
              "--codec-auth",
              "Bearer " + REVIEW_TOKEN));

      assertThat(foundIn(system, personalData)).isEmpty();
      assertThat(system.leads().state(leads.get(1)).status()).isEqualTo(LeadStatus.NEEDS_REVIEW);

      HttpResponse<String> erased = erase(system, email(leads.get(1)));
      assertThat(erased.statusCode()).isEqualTo(200);
      assertThat(erased.body())
          .contains("\"count\":2")
          .contains("{\"workflowId\":\"" + leads.get(1).workflowId() + "\",\"runId\":")
          .contains("\"executionStatus\":\"RUNNING\",\"foundBy\":\"LeadEmailHash\"")
          .contains("{\"workflowId\":\"" + BEFORE_EMAIL_HASH + "\",\"runId\":")
          .contains("\"executionStatus\":\"RUNNING\",\"foundBy\":\"start input\"")
          .contains("\"withoutEmailHash\":{\"scanned\":1,\"complete\":true}");
      await("the erased leads are gone from visibility")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  system.leads().executionsOf(leads.get(1)).isEmpty()
                      && system.leads().list(withoutEmailHash()).isEmpty());
      assertThat(system.leads().executionsOf(leads.get(0))).hasSize(1);
      assertThat(system.api().logText())
          .contains("Erasure: review token #1 deleted 2 lead workflow(s)")
          .contains(leads.get(1).workflowId() + "," + BEFORE_EMAIL_HASH)
          .contains("1 lead(s) without the hash scanned (all)")
          .doesNotContain(email(leads.get(1)));
      E2eFigures.record(
          "at-rest",
          "with the payload codec: none of "
              + personalData.size()
              + " personal values of a completed lead and a lead in review in the dev server's"
              + " SQLite file and WAL, a CLI signal's input (--codec-endpoint) included;"
              + " DELETE /leads?email= deleted the lead in review and a lead of the same email"
              + " started without LeadEmailHash, found by its start input");
    }
  }

  @Test
  void withoutThePayloadCodecTheSameCheckFindsThem() throws Exception {
    try (SlackEmulation slack = SlackEmulation.start();
        LeadProcessorSystem system =
            LeadProcessorSystem.named("at-rest-plain")
                .liveSlack(slack)
                .temporalOptions(WAL)
                .withoutPayloadCodec()
                .start()) {
      List<TestLead> leads = completedAndInReview(system, slack, "plain");
      List<String> personalData = personalData(leads);
      personalData.addAll(
          startedBeforeEmailHashAndSignalledFromTheCli(system, email(leads.get(1))));

      assertThat(foundIn(system, personalData)).containsExactlyInAnyOrderElementsOf(personalData);
    }
  }

  /**
   * A lead with {@code email}, started as before {@code LeadEmailHash} existed, and a {@code retry}
   * signal to it from the CLI with {@code cliOptions}.
   *
   * @return its question and the signal's reason, both to look for in the database
   */
  private static List<String> startedBeforeEmailHashAndSignalledFromTheCli(
      LeadProcessorSystem system, String email, String... cliOptions) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String question = "Can you migrate " + unique + " contacts from our old CRM?";
    String reason = "CLI retry, reviewer note " + unique;
    system
        .leads()
        .startWithoutEmailHash(
            BEFORE_EMAIL_HASH,
            new LeadCaptureEvent(
                "lead_capture_fallback",
                Instant.now(),
                "anon-" + unique,
                "conv-before-email-hash",
                email,
                question,
                "https://api.chatbot.com/transcripts/t-" + unique,
                null,
                null));
    List<String> command =
        new ArrayList<>(
            List.of(
                "workflow",
                "signal",
                "--workflow-id",
                BEFORE_EMAIL_HASH,
                "--name",
                LeadWorkflow.SIGNAL_RETRY,
                "--input",
                "{\"reason\":\"" + reason + "\"}"));
    command.addAll(List.of(cliOptions));
    system.temporal().cli().run(command.toArray(String[]::new));
    await("visibility lists the lead without LeadEmailHash")
        .atMost(Duration.ofSeconds(30))
        .until(() -> !system.leads().list(withoutEmailHash()).isEmpty());
    return List.of(question, reason);
  }

  private static String withoutEmailHash() {
    return "WorkflowType=\"LeadWorkflow\" AND LeadEmailHash IS NULL";
  }

  private static List<TestLead> completedAndInReview(
      LeadProcessorSystem system, SlackEmulation slack, String label) {
    TestLead completed = uniqueLead("conv-at-rest-" + label + "-done");
    assertThat(system.webhooks().deliver(completed.messageId(), completed.body()).status())
        .isEqualTo(202);
    assertThat(system.leads().outcome(completed, Duration.ofSeconds(60)).status())
        .isEqualTo(LeadStatus.COMPLETED);

    slack.failWith("invalid_auth");
    TestLead inReview = uniqueLead("conv-at-rest-" + label + "-review");
    assertThat(system.webhooks().deliver(inReview.messageId(), inReview.body()).status())
        .isEqualTo(202);
    await("the second lead waits in review")
        .atMost(Duration.ofSeconds(60))
        .until(() -> "NEEDS_REVIEW".equals(system.leads().visibleStatus(inReview)));
    return List.of(completed, inReview);
  }

  private static TestLead uniqueLead(String conversationId) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return TestLead.of(
        conversationId,
        "Can the API import " + unique + " records overnight?",
        "/pricing/enterprise",
        "lead." + unique + "@example.com",
        "198.51." + random.nextInt(1, 255) + "." + random.nextInt(1, 255),
        "https://api.chatbot.com/transcripts/t-" + unique);
  }

  /** The email, IP address, question and transcript URL of each lead, as they were sent. */
  private static List<String> personalData(List<TestLead> leads) {
    List<String> values = new ArrayList<>();
    for (TestLead lead : leads) {
      values.add(email(lead));
      values.add(field(lead, "\"ip_address\":\""));
      values.add(field(lead, "\"trigger_query\":\""));
      values.add(field(lead, "\"conversation_transcript_url\":\""));
    }
    return values;
  }

  private static String email(TestLead lead) {
    return field(lead, "\"captured_email\":\"");
  }

  private static String field(TestLead lead, String prefix) {
    int start = lead.body().indexOf(prefix) + prefix.length();
    return lead.body().substring(start, lead.body().indexOf('"', start));
  }

  /** The values that occur, as UTF-8 bytes, in the dev server's database file or its WAL. */
  private static List<String> foundIn(LeadProcessorSystem system, List<String> values) {
    StringBuilder bytes = new StringBuilder();
    for (Path file : system.temporal().databaseFiles()) {
      try {
        if (Files.exists(file)) {
          bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(bytes.length()).as("bytes of the database files").isPositive();
    String haystack = bytes.toString();
    return values.stream()
        .filter(
            value ->
                haystack.contains(
                    new String(
                        value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)))
        .toList();
  }

  private static HttpResponse<String> erase(LeadProcessorSystem system, String email)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + system.api().httpPort()
                        + "/leads?email="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8)))
            .header("Authorization", "Bearer " + REVIEW_TOKEN)
            .DELETE()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
