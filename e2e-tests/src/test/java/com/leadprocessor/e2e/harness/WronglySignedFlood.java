package com.leadprocessor.e2e.harness;

import com.leadprocessor.emulation.SlackInteractivity;
import com.leadprocessor.emulation.SlackInteractivity.SignedRequest;
import com.leadprocessor.emulation.SlackInteractivity.SlackUser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests that look genuine but are not correctly signed, sent to a running API in bulk: Slack
 * clicks on a real lead (tampered after signing, unsigned, stale, signed with another app's secret)
 * and lead deliveries (tampered, unsigned, stale). Every one must be refused; what the server holds
 * must not change.
 */
public final class WronglySignedFlood {

  private static final int THREADS = 4;
  private static final SlackUser MALLORY = SlackUser.of("U0MALLORY1", "mallory");

  private final LeadProcessorSystem system;
  private final String workflowId;
  private final String signingSecret;

  /** What the flood sent and how it was answered ({@code -1}: no answer). */
  public record Result(int sent, Map<Integer, Integer> statuses, Duration took) {}

  private WronglySignedFlood(LeadProcessorSystem system, String workflowId, String signingSecret) {
    this.system = system;
    this.workflowId = workflowId;
    this.signingSecret = signingSecret;
  }

  /**
   * @param workflowId the lead the clicks name
   * @param signingSecret the API's Slack signing secret, to make stale and tampered clicks from
   */
  public static WronglySignedFlood against(
      LeadProcessorSystem system, String workflowId, String signingSecret) {
    return new WronglySignedFlood(system, workflowId, signingSecret);
  }

  /** Sends {@code count} requests (at least one), half to each endpoint, four at a time. */
  public Result send(int count) {
    int total = Math.max(1, count);
    URI interactivity =
        URI.create("http://127.0.0.1:" + system.api().httpPort() + "/slack/interactivity");
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    try (SlackInteractivity genuine = SlackInteractivity.start(signingSecret);
        SlackInteractivity otherApp = SlackInteractivity.start("another-apps-signing-secret")) {
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> sending = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        int first = thread;
        sending.add(
            threads.submit(
                () -> {
                  for (int i = first; i < total; i += THREADS) {
                    int status =
                        i % 2 == 0 ? click(genuine, otherApp, interactivity, i) : delivery(i);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> future : sending) {
        future.get();
      }
      threads.shutdown();
    } catch (Exception e) {
      throw new IllegalStateException("The wrongly signed flood failed", e);
    }
    Map<Integer, Integer> counted = new TreeMap<>();
    statuses.forEach((status, n) -> counted.put(status, n.get()));
    return new Result(total, counted, Duration.ofNanos(System.nanoTime() - started));
  }

  private int click(SlackInteractivity genuine, SlackInteractivity otherApp, URI url, int i)
      throws Exception {
    SignedRequest request =
        switch ((i / 2) % 4) {
          case 0 -> genuine.claim(workflowId, MALLORY).tampered();
          case 1 -> genuine.claim(workflowId, MALLORY).unsigned();
          case 2 ->
              genuine.sign(
                  genuine.blockActions(MALLORY, SlackInteractivity.CLAIM, workflowId, null),
                  Instant.now().minusSeconds(600));
          default -> otherApp.notALead(workflowId, MALLORY, "spam");
        };
    return genuine.send(url, request).statusCode();
  }

  private int delivery(int i) {
    TestLead lead = TestLead.apiQuestion("conv-flood-" + i);
    SignedWebhookClient webhooks = system.webhooks();
    Map<String, String> headers =
        switch ((i / 2) % 3) {
          case 0 ->
              webhooks.signedHeaders(
                  lead.messageId(), Instant.now().getEpochSecond(), lead.body() + " ");
          case 1 -> Map.of("Content-Type", "application/json");
          default ->
              webhooks.signedHeaders(
                  lead.messageId(), Instant.now().minusSeconds(600).getEpochSecond(), lead.body());
        };
    return webhooks.send(headers, lead.body()).status();
  }
}
