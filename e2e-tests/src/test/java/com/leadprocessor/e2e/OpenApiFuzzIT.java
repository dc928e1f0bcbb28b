package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eEnvironment;
import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.Schemathesis;
import com.leadprocessor.e2e.harness.Schemathesis.Interaction;
import com.leadprocessor.e2e.harness.Schemathesis.Run;
import com.leadprocessor.e2e.harness.SignedWebhookClient.Delivery;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.e2e.harness.WronglySignedFlood;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * schemathesis against the OpenAPI document the packaged webhook API serves, on a real Temporal dev
 * server: every check it has (server errors, status codes, content types, response schemas,
 * positive and negative data, methods), over the examples, coverage and fuzzing phases. Nothing it
 * sends may get a 5xx or a stack trace, and, as it cannot sign, nothing it sends may start a lead.
 * A second pass against an API that accepts unsigned deliveries (a local-trial mode) lets it reach
 * the parser and validation behind the signature. Both passes include {@code POST
 * /slack/interactivity} (a signing secret is set). The first pass adds a flood of wrongly signed
 * requests of its own to both endpoints, clicks that name a real lead among them, so that a run
 * sends at least {@value #MIN_REQUESTS} requests; none may get a 5xx, and the workflows on the
 * server, and each one's history, must be exactly what they were before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class OpenApiFuzzIT {

  private static final int MAX_EXAMPLES = 300;
  private static final int MIN_REQUESTS = 10_000;
  private static final String SLACK_SIGNING_SECRET = "e2e-fuzz-slack-signing-secret-0123";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
  private static final List<String> STACK_TRACE_MARKERS =
      List.of("\tat ", "at com.", "at org.", "at java.", "Caused by", "Exception", "<html");
  private static final Pattern WORKFLOW_ID = Pattern.compile("\"workflowId\":\"([^\"]+)\"");

  private Schemathesis schemathesis;
  private long seed;

  @BeforeAll
  void locateSchemathesis() {
    schemathesis = Schemathesis.locate();
    String fixed = System.getProperty("fuzz.seed");
    seed =
        fixed == null || fixed.isBlank()
            ? new SplittableRandom().nextInt(1, Integer.MAX_VALUE)
            : Long.parseLong(fixed.strip());
  }

  @Test
  void fuzzedRequestsWithoutSignatureGetNoServerErrorAndStartNoLead() {
    try (LeadProcessorSystem system =
        LeadProcessorSystem.named("fuzz-signed")
            .workers(0)
            .apiEnv("SLACK_SIGNING_SECRET", SLACK_SIGNING_SECRET)
            .start()) {
      // A lead that the wrongly signed clicks name; with no worker it stays as it was started.
      TestLead alerted = TestLead.apiQuestion("conv-fuzz-alerted");
      assertThat(system.webhooks().deliver(alerted.messageId(), alerted.body()).status())
          .isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(system.leads().list(LEADS)).hasSize(1));
      Map<String, Integer> before = historyLengths(system, alerted);

      Run run = fuzz(system, "signed");
      WronglySignedFlood.Result flood =
          WronglySignedFlood.against(system, alerted.workflowId(), SLACK_SIGNING_SECRET)
              .send(MIN_REQUESTS - run.interactions().size());

      assertNoServerErrorOrStackTrace(run);
      assertThat(run.interactions())
          .filteredOn(i -> i.method().equals("POST"))
          .as("POSTs schemathesis could not sign")
          .isNotEmpty()
          .allSatisfy(i -> assertThat(i.status()).as(i.body()).isBetween(400, 499));
      assertThat(flood.statuses().keySet())
          .as("statuses of the wrongly signed flood %s", flood.statuses())
          .allSatisfy(status -> assertThat(status).isBetween(400, 499));
      assertThat(run.interactions().size() + flood.sent())
          .as("requests in this pass")
          .isGreaterThanOrEqualTo(MIN_REQUESTS);
      assertThat(historyLengths(system, alerted))
          .as("workflows and their history lengths after fuzzing")
          .isEqualTo(before);

      // The server still takes a signed lead, and visibility does show it: the zero is real.
      TestLead lead = TestLead.apiQuestion("conv-fuzz-after");
      Delivery delivery = system.webhooks().deliver(lead.messageId(), lead.body());
      assertThat(delivery.status()).as(delivery.body()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(system.leads().list(LEADS)).hasSize(2));
      record(
          "signature required",
          run,
          "0 workflows started or changed; plus "
              + flood.sent()
              + " wrongly signed requests of our own ("
              + flood.took().toSeconds()
              + " s, statuses "
              + flood.statuses()
              + ")");
    }
  }

  @Test
  void fuzzedUnsignedDeliveriesReachValidationAndStartOnlyAcceptedLeads() {
    try (LeadProcessorSystem system =
        LeadProcessorSystem.named("fuzz-unsigned")
            .workers(0)
            .apiEnv("LEADS_WEBHOOK_ALLOW_UNSIGNED", "true")
            .apiEnv("SLACK_SIGNING_SECRET", SLACK_SIGNING_SECRET)
            .start()) {
      Run run = fuzz(system, "unsigned", "--exclude-checks", "ignored_auth");

      assertNoServerErrorOrStackTrace(run);
      Set<String> answeredIds =
          run.interactions().stream()
              .filter(i -> i.method().equals("POST") && (i.status() == 202 || i.status() == 200))
              .map(i -> workflowId(i.body()))
              .collect(Collectors.toSet());
      assertThat(run.interactions())
          .as("deliveries that reached validation")
          .anySatisfy(i -> assertThat(i.status()).isIn(202, 422));
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(
                          system.leads().list(LEADS).stream()
                              .map(e -> e.getExecution().getWorkflowId())
                              .collect(Collectors.toSet()))
                      .as("workflows on the server: exactly those answered 202 or 200")
                      .isEqualTo(answeredIds));
      record("unsigned allowed", run, answeredIds.size() + " workflows, each answered 202/200");
    }
  }

  private static final String LEADS = "WorkflowType = 'LeadWorkflow'";

  /**
   * Every lead on the server by id, with the number of events in the alerted lead's history, read
   * from the history itself (visibility's count may lag); any other lead's is -1.
   */
  private static Map<String, Integer> historyLengths(LeadProcessorSystem system, TestLead alerted) {
    return system.leads().list(LEADS).stream()
        .map(e -> e.getExecution().getWorkflowId())
        .collect(
            Collectors.toMap(
                id -> id,
                id ->
                    id.equals(alerted.workflowId())
                        ? system.leads().history(alerted).getEventsCount()
                        : -1));
  }

  private Run fuzz(LeadProcessorSystem system, String name, String... extra) {
    String base = "http://127.0.0.1:" + system.api().httpPort();
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--checks",
                "all",
                "--phases",
                "examples,coverage,fuzzing",
                "--max-examples",
                String.valueOf(MAX_EXAMPLES),
                "--seed",
                String.valueOf(seed),
                "--request-timeout",
                "10",
                "--workers",
                "1",
                "--continue-on-failure",
                "--generation-with-security-parameters",
                "false"));
    args.addAll(List.of(extra));
    Run run =
        schemathesis.run(
            base,
            E2eEnvironment.buildSubdir("schemathesis").resolve(name),
            RUN_TIMEOUT,
            args.toArray(String[]::new));
    assertThat(run.exitStatus())
        .as("schemathesis exit status (seed %d); its output:%n%s", seed, run.output())
        .isZero();
    assertThat(run.interactions()).as("requests schemathesis sent").isNotEmpty();
    return run;
  }

  private static void assertNoServerErrorOrStackTrace(Run run) {
    for (Interaction interaction : run.interactions()) {
      assertThat(interaction.status())
          .as("%s answered %s", interaction.method(), interaction.body())
          .isBetween(100, 499);
      STACK_TRACE_MARKERS.forEach(
          marker -> assertThat(interaction.body()).as("answer").doesNotContain(marker));
      if (interaction.status() >= 400 && !interaction.method().equals("HEAD")) {
        assertThat(interaction.contentType())
            .as("content type of a %d", interaction.status())
            .isEqualTo("application/problem+json");
      }
    }
  }

  private static String workflowId(String body) {
    Matcher matcher = WORKFLOW_ID.matcher(body);
    assertThat(matcher.find()).as("workflow id in %s", body).isTrue();
    return matcher.group(1);
  }

  private void record(String pass, Run run, String workflows) {
    Map<Integer, Long> statuses =
        run.interactions().stream()
            .collect(
                Collectors.groupingBy(Interaction::status, TreeMap::new, Collectors.counting()));
    E2eFigures.record(
        "openapi-fuzz",
        "schemathesis "
            + Schemathesis.VERSION
            + ", "
            + pass
            + ": "
            + run.interactions().size()
            + " requests, statuses "
            + statuses
            + ", "
            + workflows
            + ", "
            + run.took().toSeconds()
            + " s, seed "
            + seed);
  }
}
