package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.SignedWebhookClient;
import com.leadprocessor.e2e.harness.SignedWebhookClient.Delivery;
import com.leadprocessor.e2e.harness.TestLead;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A signed delivery captured and replayed after the timestamp tolerance is refused, whether it is
 * sent byte for byte again or under a fresh message id, and it starts no second workflow. The API
 * runs with a tolerance of {@value #TOLERANCE_SECONDS} seconds so that the window passes quickly.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WebhookReplayIT {

  private static final int TOLERANCE_SECONDS = 5;

  @Test
  void signedDeliveryReplayedAfterTheToleranceIsRefusedAndStartsNothing() throws Exception {
    try (LeadProcessorSystem system =
        LeadProcessorSystem.named("replay")
            .workers(0)
            .apiEnv("LEADS_WEBHOOK_TIMESTAMP_TOLERANCE", TOLERANCE_SECONDS + "s")
            .start()) {
      TestLead lead = TestLead.apiQuestion("conv-replay-1");
      long signedAt = Instant.now().getEpochSecond();
      Map<String, String> captured =
          system.webhooks().signedHeaders(lead.messageId(), signedAt, lead.body());

      Delivery original = system.webhooks().send(captured, lead.body());
      assertThat(original.status()).as(original.body()).isEqualTo(202);

      // Past the window, counted from the signed time, with a second for clock granularity.
      Instant windowClosed = Instant.ofEpochSecond(signedAt + TOLERANCE_SECONDS + 2);
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), windowClosed).toMillis()));
      Delivery replayed = system.webhooks().send(captured, lead.body());
      Delivery freshId =
          system
              .webhooks()
              .send(
                  system
                      .webhooks()
                      .signedHeaders(SignedWebhookClient.newMessageId(), signedAt, lead.body()),
                  lead.body());
      TestLead other = TestLead.apiQuestion("conv-replay-2");
      Delivery staleNewLead =
          system
              .webhooks()
              .send(
                  system.webhooks().signedHeaders(other.messageId(), signedAt, other.body()),
                  other.body());

      for (Delivery refused : new Delivery[] {replayed, freshId, staleNewLead}) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body())
            .contains("https://lead-processor.dev/problems/invalid-signature")
            .contains("stale");
      }
      Delivery inTime = system.webhooks().deliver(other.messageId(), other.body());
      assertThat(inTime.status())
          .as("the same new lead signed now: %s", inTime.body())
          .isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                assertThat(system.leads().executionsOf(lead))
                    .as("runs of the replayed lead")
                    .hasSize(1);
                assertThat(system.leads().executionsOf(other))
                    .as("runs of the other lead")
                    .hasSize(1);
              });
      E2eFigures.record(
          "replay",
          "tolerance "
              + TOLERANCE_SECONDS
              + " s: original 202; after the window the same bytes, a fresh id and a new lead"
              + " with the old timestamp 401 (stale); one workflow each");
    }
  }
}
