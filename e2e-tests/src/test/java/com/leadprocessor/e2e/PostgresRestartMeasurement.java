package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.e2e.harness.DryRunConnectorLog;
import com.leadprocessor.e2e.harness.E2eEnvironment;
import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.Pause;
import com.leadprocessor.e2e.harness.SignedWebhookClient.Delivery;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.workflow.LeadStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The Temporal server on PostgreSQL ({@code scripts/temporal-postgres.sh}) loses its database
 * mid-burst: PostgreSQL restarts while leads arrive and are being processed. Every lead the API
 * acknowledged completes, once; deliveries the API refused meanwhile (503 with Retry-After) are
 * accepted when the sender retries. Connector calls may repeat (activities run at least once) but
 * at most once per step.
 *
 * <p>Needs the server of {@code scripts/temporal-postgres.sh start} ({@code E2E_TEMPORAL_ADDRESS}
 * set, see docs/benchmark.md), so it is not part of {@code verify} (its name does not end in IT):
 * {@code ./mvnw -B -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=PostgresRestartMeasurement}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class PostgresRestartMeasurement {

  private static final int LEADS = 40;
  private static final int RESTART_AFTER = 15;

  @AutoClose private LeadProcessorSystem system;

  @BeforeAll
  void startSystem() {
    system =
        LeadProcessorSystem.named("postgres-restart")
            .externalTemporal(true)
            .apiEnv("LEADS_TEMPORAL_STARTTIMEOUT", "2s")
            .apiEnv("LEADS_TEMPORAL_RETRYAFTER", "1s")
            .start();
  }

  @Test
  void nothingAcknowledgedIsLostWhenPostgresqlRestartsMidBurst() throws Exception {
    String scenario = Long.toString(System.currentTimeMillis(), 36);
    List<TestLead> leads =
        IntStream.rangeClosed(1, LEADS)
            .mapToObj(i -> TestLead.apiQuestion("conv-pg-restart-" + scenario + "-" + i))
            .toList();
    int refused = 0;
    CompletableFuture<Duration> restart = null;
    for (int i = 0; i < leads.size(); i++) {
      if (i == RESTART_AFTER) {
        // In the background, so that deliveries go on while PostgreSQL is down; leads just
        // accepted are still in their Salesforce and Slack steps.
        restart = CompletableFuture.supplyAsync(PostgresRestartMeasurement::restartPostgresql);
      }
      refused += deliverUntilAccepted(leads.get(i)) - 1;
      Pause.of(Duration.ofMillis(100));
    }
    Duration restarted = restart.get(60, TimeUnit.SECONDS);

    Instant waitStarted = Instant.now();
    for (TestLead lead : leads) {
      assertThat(system.leads().outcome(lead, Duration.ofSeconds(150)).status())
          .as(lead.workflowId())
          .isEqualTo(LeadStatus.COMPLETED);
    }
    LeadsAssert.assertEachLeadCompletedOnce(system, leads);
    String logs = system.workerLogs();
    Map<String, Integer> upserts = DryRunConnectorLog.salesforceUpserts(logs);
    Map<String, Integer> alerts = DryRunConnectorLog.slackAlerts(logs);
    int repeated = 0;
    for (TestLead lead : leads) {
      String id = lead.conversationId();
      assertThat(upserts.getOrDefault(id, 0)).as("Salesforce upserts of %s", id).isBetween(1, 2);
      assertThat(alerts.getOrDefault(id, 0)).as("Slack alerts of %s", id).isBetween(1, 2);
      if (upserts.get(id) == 2 || alerts.get(id) == 2) {
        repeated++;
      }
    }
    E2eFigures.record(
        "postgres-restart",
        LEADS
            + " leads, PostgreSQL restarted after the "
            + RESTART_AFTER
            + "th ("
            + restarted.toMillis()
            + " ms for stop and start); "
            + refused
            + " refused deliveries, each accepted when retried; all "
            + LEADS
            + " COMPLETED once, the last "
            + Duration.between(waitStarted, Instant.now()).toMillis()
            + " ms after the last delivery; leads with a repeated connector call: "
            + repeated);
  }

  private static Duration restartPostgresql() {
    Instant began = Instant.now();
    try {
      Process script =
          new ProcessBuilder(
                  "bash",
                  E2eEnvironment.repository().resolve("scripts/temporal-postgres.sh").toString(),
                  "restart-postgres")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .start();
      assertThat(script.waitFor(60, TimeUnit.SECONDS)).as("restart-postgres finished").isTrue();
      assertThat(script.exitValue()).as("restart-postgres exit value").isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return Duration.between(began, Instant.now());
  }

  /** Redelivers as a Standard Webhooks sender does, honouring Retry-After; returns the attempts. */
  private int deliverUntilAccepted(TestLead lead) {
    List<Delivery> answers = new ArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      Delivery delivery = system.webhooks().deliver(lead.messageId(), lead.body());
      answers.add(delivery);
      if (delivery.accepted()) {
        return answers.size();
      }
      assertThat(delivery.status()).as("answer while PostgreSQL comes back").isIn(503, -1);
      Pause.of(delivery.retryAfter().orElse(Duration.ofSeconds(1)));
    }
    throw new AssertionError(lead.workflowId() + " was never accepted: " + answers);
  }
}
