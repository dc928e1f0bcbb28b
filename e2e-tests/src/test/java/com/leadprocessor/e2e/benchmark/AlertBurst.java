package com.leadprocessor.e2e.benchmark;

import com.leadprocessor.e2e.harness.E2eEnvironment;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.Pause;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * A burst of leads split evenly over three channels, on a system of its own whose Slack emulation
 * enforces Slack's per-channel limit ({@link BenchmarkSettings#burstSlackMessagesPerSecond()}): how
 * long from webhook to alert each channel's leads take when the alerts are paced per channel,
 * whether one channel holds up another, and how many leads went into a busy channel's summary
 * thread. A measurement: only lost and duplicated leads count against it.
 */
final class AlertBurst {

  /** The channels, in the order of {@link LeadMix#overThreeChannels}'s questions. */
  static final List<String> CHANNELS = List.of("#dev-sales", "#sales-security", "#sales-leads");

  private static final String LEAD_ALERT = "lead_alert";
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);
  private static final int WARM_UP_LEADS = 15;

  private final BenchmarkSettings settings;
  private final Map<String, Double> figures = new LinkedHashMap<>();

  AlertBurst(BenchmarkSettings settings) {
    this.settings = settings;
  }

  /** Runs the burst; figures under {@code burst.*}. */
  Map<String, Double> measure() throws Exception {
    double pace = settings.burstSlackMessagesPerSecond();
    try (SalesforceEmulation salesforce = SalesforceEmulation.start();
        SlackEmulation slack =
            SlackEmulation.start().latency(settings.downstreamLatency()).enforceRateLimit(pace)) {
      salesforce.slow(settings.downstreamLatency());
      try (LeadProcessorSystem system =
          LeadProcessorSystem.named("benchmark-burst")
              .temporalOptions(settings.temporalOptions())
              .liveSalesforce(salesforce)
              .liveSlack(slack)
              .workerEnv("SLACK_MAX_MESSAGES_PER_SECOND", String.valueOf(pace))
              .workerEnv("LEADS_ROUTING_RULES_FILE", "file:" + threeChannelRules())
              .jvmOptions(settings.jvmOptions(), settings.jvmOptions())
              .start()) {
        LoadGenerator load = new LoadGenerator(system.webhooks());
        LoadGenerator.Result warmUp =
            load.burst("burst warm-up", LeadMix.overThreeChannels("burst-warm"), WARM_UP_LEADS, 3);
        drain(slack, warmUp);
        int rateLimitedBefore = slack.rateLimitedResponses();
        LoadGenerator.Result burst =
            load.burst(
                "burst",
                LeadMix.overThreeChannels("burst-" + System.currentTimeMillis()),
                settings.burstLeads(),
                settings.concurrency());
        Map<String, List<SlackEmulation.Message>> alerts = drain(slack, burst);
        record(slack, burst, alerts);
        figures.put(
            "burst.rateLimited", (double) (slack.rateLimitedResponses() - rateLimitedBefore));
      }
    }
    return figures;
  }

  /** The burst's section of the report. */
  static String markdown(BenchmarkSettings settings, Map<String, Double> figures) {
    StringBuilder text = new StringBuilder();
    text.append(
        "\n## Alert burst: %d leads over three channels\n\n".formatted(settings.burstLeads()));
    text.append(
        ("%d senders sent %.0f leads in %.1f s (%.0f accepted, acknowledgement p99 %.0f ms); the"
                + " Slack emulation answered after %d ms and allowed %.1f message(s) a second per"
                + " channel, as Slack does. Lost %.0f, duplicated %.0f, rate-limited answers %.0f."
                + "\n\n")
            .formatted(
                settings.concurrency(),
                figures.getOrDefault("burst.sent", 0.0),
                figures.getOrDefault("burst.sendSeconds", 0.0),
                figures.getOrDefault("burst.accepted", 0.0),
                figures.getOrDefault("burst.ack.p99", 0.0),
                settings.downstreamLatency().toMillis(),
                settings.burstSlackMessagesPerSecond(),
                figures.getOrDefault("burst.lost", 0.0),
                figures.getOrDefault("burst.duplicated", 0.0),
                figures.getOrDefault("burst.rateLimited", 0.0)));
    text.append(
        "| Channel | Alerts | Webhook to alert p50 / p95 / p99 / max (s) | Alerts/s |"
            + " Last alert after (s) | In the channel / summaries |\n");
    text.append("|---|---|---|---|---|---|\n");
    for (String channel : CHANNELS) {
      String at = "burst." + channel;
      text.append(
          "| %s | %.0f | %.1f / %.1f / %.1f / %.1f | %.2f | %.1f | %.0f / %.0f |\n"
              .formatted(
                  channel,
                  figures.getOrDefault(at + ".alerts", 0.0),
                  seconds(figures, at + ".e2e.p50"),
                  seconds(figures, at + ".e2e.p95"),
                  seconds(figures, at + ".e2e.p99"),
                  seconds(figures, at + ".e2e.max"),
                  figures.getOrDefault(at + ".alertsPerSecond", 0.0),
                  figures.getOrDefault(at + ".lastAlertSeconds", 0.0),
                  figures.getOrDefault(at + ".inChannel", 0.0),
                  figures.getOrDefault(at + ".summaries", 0.0)));
    }
    text.append(
        "| all | %.0f | %.1f / %.1f / %.1f / %.1f | | | |\n"
            .formatted(
                figures.getOrDefault("burst.accepted", 0.0)
                    - figures.getOrDefault("burst.lost", 0.0),
                seconds(figures, "burst.e2e.p50"),
                seconds(figures, "burst.e2e.p95"),
                seconds(figures, "burst.e2e.p99"),
                seconds(figures, "burst.e2e.max")));
    text.append(
        "\n*In the channel*: alerts posted as messages of their own; the rest went into the thread"
            + " of one of the channel's *summaries* (`leads.slack.coalesce-after`).\n");
    return text.toString();
  }

  private static double seconds(Map<String, Double> figures, String key) {
    return figures.getOrDefault(key, 0.0) / 1000.0;
  }

  private void record(
      SlackEmulation slack,
      LoadGenerator.Result burst,
      Map<String, List<SlackEmulation.Message>> alerts) {
    Set<String> accepted = accepted(burst);
    figures.put("burst.sent", (double) burst.sent().size());
    figures.put("burst.accepted", (double) accepted.size());
    figures.put("burst.sendSeconds", burst.seconds());
    figures.put("burst.ack.p99", burst.percentileMillis(99));
    figures.put(
        "burst.lost", (double) accepted.stream().filter(id -> !alerts.containsKey(id)).count());
    figures.put(
        "burst.duplicated",
        (double) alerts.values().stream().mapToLong(posted -> posted.size() - 1).sum());

    Histogram overall = new Histogram(3);
    Map<String, Histogram> byChannel = new LinkedHashMap<>();
    Map<String, List<Long>> postedByChannel = new LinkedHashMap<>();
    CHANNELS.forEach(
        channel -> {
          byChannel.put(channel, new Histogram(3));
          postedByChannel.put(channel, new ArrayList<>());
        });
    Map<String, String> channelById = new HashMap<>();
    CHANNELS.forEach(channel -> channelById.put(slack.channelId(channel), channel));
    for (LoadGenerator.Sent sent : burst.sent()) {
      List<SlackEmulation.Message> posted = alerts.get(sent.delivery().lead().conversationId());
      if (sent.status() != 202 || posted == null || posted.isEmpty()) {
        continue;
      }
      SlackEmulation.Message first = posted.get(0);
      long postedAt = millis(first);
      long latency = Math.max(0, postedAt - sent.sentAtMillis());
      overall.recordValue(latency);
      String channel = channelById.getOrDefault(first.channel(), first.channel());
      byChannel.computeIfAbsent(channel, name -> new Histogram(3)).recordValue(latency);
      postedByChannel.computeIfAbsent(channel, name -> new ArrayList<>()).add(postedAt);
    }
    percentiles("burst.e2e", overall);
    byChannel.forEach((channel, latencies) -> percentiles("burst." + channel + ".e2e", latencies));
    postedByChannel.forEach(
        (channel, posted) -> {
          figures.put("burst." + channel + ".alerts", (double) posted.size());
          if (posted.size() > 1) {
            long first = posted.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = posted.stream().mapToLong(Long::longValue).max().orElseThrow();
            figures.put(
                "burst." + channel + ".alertsPerSecond",
                (posted.size() - 1) / Math.max(0.001, (last - first) / 1000.0));
            figures.put("burst." + channel + ".lastAlertSeconds", (last - firstSent(burst)) / 1e3);
          }
          String id = slack.channelId(channel);
          long topLevelAlerts =
              slack.topLevelMessagesIn(id).stream()
                  .filter(message -> LEAD_ALERT.equals(message.metadataEventType()))
                  .count();
          long summaries =
              slack.topLevelMessagesIn(id).stream()
                  .filter(message -> !LEAD_ALERT.equals(message.metadataEventType()))
                  .count();
          figures.put("burst." + channel + ".inChannel", (double) topLevelAlerts);
          figures.put("burst." + channel + ".summaries", (double) summaries);
        });
  }

  private void percentiles(String name, Histogram latencies) {
    if (latencies.getTotalCount() == 0) {
      return;
    }
    figures.put(name + ".p50", (double) latencies.getValueAtPercentile(50));
    figures.put(name + ".p95", (double) latencies.getValueAtPercentile(95));
    figures.put(name + ".p99", (double) latencies.getValueAtPercentile(99));
    figures.put(name + ".max", (double) latencies.getMaxValue());
  }

  /** Waits until every accepted lead has its alert; the alerts by conversation id. */
  private static Map<String, List<SlackEmulation.Message>> drain(
      SlackEmulation slack, LoadGenerator.Result result) {
    Set<String> expected = accepted(result);
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    Map<String, List<SlackEmulation.Message>> alerts = alertsFor(slack, expected);
    while (alerts.size() < expected.size() && System.nanoTime() < deadline) {
      Pause.of(Duration.ofMillis(500));
      alerts = alertsFor(slack, expected);
    }
    return alerts;
  }

  private static Map<String, List<SlackEmulation.Message>> alertsFor(
      SlackEmulation slack, Set<String> conversationIds) {
    Map<String, List<SlackEmulation.Message>> alerts = new HashMap<>();
    for (SlackEmulation.Message message : slack.messages()) {
      if (!LEAD_ALERT.equals(message.metadataEventType())) {
        continue;
      }
      Object conversation = message.metadataPayload().get("conversation_id");
      if (conversation != null && conversationIds.contains(conversation.toString())) {
        alerts.computeIfAbsent(conversation.toString(), id -> new ArrayList<>()).add(message);
      }
    }
    return alerts;
  }

  private static Set<String> accepted(LoadGenerator.Result result) {
    return result.sent().stream()
        .filter(sent -> sent.status() == 202)
        .map(sent -> sent.delivery().lead().conversationId())
        .collect(Collectors.toSet());
  }

  private static long firstSent(LoadGenerator.Result result) {
    return result.sent().stream().mapToLong(LoadGenerator.Sent::sentAtMillis).min().orElse(0);
  }

  private static long millis(SlackEmulation.Message message) {
    return Math.round(Double.parseDouble(message.ts()) * 1000);
  }

  /** The shipped routing rules with security questions sent to a third channel. */
  private static Path threeChannelRules() throws IOException {
    Path shipped =
        E2eEnvironment.repository().resolve("activities/src/main/resources/routing-rules.yml");
    String rules = Files.readString(shipped, StandardCharsets.UTF_8);
    String security = "then: { slack-channel: \"#dev-sales\", priority: HIGH }";
    if (!rules.contains(security)) {
      throw new IllegalStateException("the security rule of " + shipped + " changed: " + security);
    }
    String threeChannels =
        rules.replace(
            security, "then: { slack-channel: \"" + CHANNELS.get(1) + "\", priority: HIGH }");
    Path file = E2eEnvironment.buildSubdir("benchmark").resolve("burst-routing-rules.yml");
    Files.writeString(file, threeChannels, StandardCharsets.UTF_8);
    return file;
  }
}
