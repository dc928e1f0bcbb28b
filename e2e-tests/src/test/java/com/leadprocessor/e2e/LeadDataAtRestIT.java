package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadStatus;
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
 * values is there; without it the same check finds them, so the check can fail. The sealed run ends
 * with an erasure request that deletes the lead in review.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LeadDataAtRestIT {

  private static final String REVIEW_TOKEN = "e2e-review-token-" + UUID.randomUUID();
  private static final List<String> WAL = List.of("--sqlite-pragma", "journal_mode=wal");

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

      assertThat(foundIn(system, personalData)).isEmpty();
      assertThat(system.leads().state(leads.get(1)).status()).isEqualTo(LeadStatus.NEEDS_REVIEW);

      HttpResponse<String> erased = erase(system, email(leads.get(1)));
      assertThat(erased.statusCode()).isEqualTo(200);
      assertThat(erased.body())
          .contains("\"count\":1")
          .contains("\"workflowId\":\"" + leads.get(1).workflowId() + "\"")
          .contains("\"executionStatus\":\"RUNNING\"");
      await("the erased lead is gone from visibility")
          .atMost(Duration.ofSeconds(30))
          .until(() -> system.leads().executionsOf(leads.get(1)).isEmpty());
      assertThat(system.leads().executionsOf(leads.get(0))).hasSize(1);
      assertThat(system.api().logText())
          .contains("Erasure: review token #1 deleted 1 lead workflow(s)")
          .contains(leads.get(1).workflowId())
          .doesNotContain(email(leads.get(1)));
      E2eFigures.record(
          "at-rest",
          "with the payload codec: none of "
              + personalData.size()
              + " personal values of a completed lead and a lead in review in the dev server's"
              + " SQLite file and WAL; DELETE /leads?email= deleted the lead in review");
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

      assertThat(foundIn(system, personalData)).containsExactlyInAnyOrderElementsOf(personalData);
    }
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
