package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.Pause;
import com.leadprocessor.e2e.harness.SignedWebhookClient.Delivery;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kill -9} of each of our processes while leads are in flight: the Temporal dev server, the
 * webhook API and the worker, each started again afterwards (the server on the same database file).
 * The chatbot side redelivers what was not acknowledged, as Standard Webhooks senders do. Every
 * lead ends COMPLETED with exactly one Salesforce Lead and one Slack alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ProcessKillIT {

  @AutoClose private SalesforceEmulation salesforce;
  @AutoClose private SlackEmulation slack;
  @AutoClose private LeadProcessorSystem system;
  private final AtomicInteger refusals = new AtomicInteger();

  @BeforeAll
  void startSystem() {
    salesforce = SalesforceEmulation.start();
    slack = SlackEmulation.start();
    system =
        LeadProcessorSystem.named("kill")
            .liveSalesforce(salesforce)
            .liveSlack(slack)
            .apiEnv("LEADS_TEMPORAL_STARTTIMEOUT", "2s")
            .apiEnv("LEADS_TEMPORAL_RETRYAFTER", "1s")
            .start();
  }

  @Test
  void nothingAcknowledgedIsLostOrDuplicatedWhenEachProcessIsKilledInFlight() throws Exception {
    List<TestLead> serverKill = leads("server", 8);
    List<TestLead> apiKill = leads("api", 8);
    List<TestLead> workerKill = leads("worker", 8);

    serverKill.forEach(this::deliverUntilAccepted);
    system.temporal().kill();
    system.temporal().restart();

    CompletableFuture<Void> sender =
        CompletableFuture.runAsync(() -> apiKill.forEach(this::deliverUntilAccepted));
    Thread.sleep(300);
    system.api().kill();
    system.api().restart();
    sender.get(3, TimeUnit.MINUTES);

    workerKill.forEach(this::deliverUntilAccepted);
    system.workers().get(0).kill();
    system.workers().get(0).restart();

    List<TestLead> all = Stream.of(serverKill, apiKill, workerKill).flatMap(List::stream).toList();
    Instant waitStarted = Instant.now();
    for (TestLead lead : all) {
      assertThat(system.leads().outcome(lead, Duration.ofMinutes(3)).status())
          .as(lead.workflowId())
          .isEqualTo(LeadStatus.COMPLETED);
    }
    LeadsAssert.assertEachLeadCompletedOnce(system, all);
    LeadsAssert.assertOneLeadAndOneAlertEach(salesforce, slack, all);
    E2eFigures.record(
        "kill-9",
        "dev server, API and worker each killed with SIGKILL with leads in flight and restarted: %d leads, %d deliveries refused or unanswered and redelivered, all COMPLETED (the last %d ms after the last delivery), one Lead and one alert each"
            .formatted(
                all.size(),
                refusals.get(),
                Duration.between(waitStarted, Instant.now()).toMillis()));
  }

  /** Redelivers until acknowledged, honouring Retry-After, as the chatbot platform does. */
  private void deliverUntilAccepted(TestLead lead) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      Delivery delivery = system.webhooks().deliver(lead.messageId(), lead.body());
      if (delivery.status() == 202 || delivery.status() == 200) {
        return;
      }
      assertThat(delivery.status()).as("%s: %s", lead.workflowId(), delivery.body()).isIn(503, -1);
      refusals.incrementAndGet();
      Pause.of(delivery.retryAfter().orElse(Duration.ofMillis(500)));
    }
    throw new AssertionError(lead.workflowId() + " was never acknowledged");
  }

  private static List<TestLead> leads(String phase, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> TestLead.apiQuestion("conv-kill-" + phase + "-" + i))
        .toList();
  }
}
