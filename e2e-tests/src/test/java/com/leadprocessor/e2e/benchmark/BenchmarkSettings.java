package com.leadprocessor.e2e.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How the benchmark runs, from system properties ({@code scripts/benchmark.sh} passes them on).
 *
 * @param runs how many times the whole measurement is repeated; the report gives medians
 * @param phase how long each measured load phase lasts
 * @param warmUp how long leads arrive at 20 a second before the first measured phase, so that the
 *     apps' JIT compilers have compiled the paths a lead takes (the report shows what compiling
 *     still costs in each phase)
 * @param concurrency senders at once (the acknowledgement target is for 16)
 * @param rates the fixed rates, deliveries per second, acknowledgement latency is measured at
 * @param modestRate the rate end-to-end latency is measured at
 * @param downstreamLatency how long every answer of the Salesforce and Slack emulations takes
 * @param slackMessagesPerSecond the per-channel Slack pace, which the Slack emulation enforces too
 * @param redeliveryShare the share of deliveries that repeat an event already sent
 * @param workers worker processes
 * @param profile whether the apps record a Java Flight Recording of the run
 * @param jvmOptions the JVM options of the API and the workers
 * @param temporalOptions further {@code temporal server start-dev} options
 * @param servers the Temporal servers each run measures, one after the other: {@code dev} (a dev
 *     server the benchmark starts, with {@code temporalOptions}), {@code dev-defaults} (one with
 *     SQLite's defaults, as {@code temporal server start-dev} has them without options) and {@code
 *     external} (the one {@code E2E_TEMPORAL_ADDRESS} names, such as {@code
 *     scripts/temporal-postgres.sh}'s server on PostgreSQL)
 * @param burstLeads how many leads the alert burst sends at once, spread evenly over three channels
 *     ({@link AlertBurst}); 0 leaves the burst out
 * @param burstSlackMessagesPerSecond the per-channel Slack pace during the burst: Slack's own limit
 *     of about one message a second by default, which the emulation enforces
 * @param burstOnly whether to measure the alert burst alone, without the baselines and phases
 */
record BenchmarkSettings(
    int runs,
    Duration phase,
    Duration warmUp,
    int concurrency,
    List<Double> rates,
    double modestRate,
    Duration downstreamLatency,
    double slackMessagesPerSecond,
    double redeliveryShare,
    int workers,
    boolean profile,
    List<String> jvmOptions,
    List<String> temporalOptions,
    List<String> servers,
    int burstLeads,
    double burstSlackMessagesPerSecond,
    boolean burstOnly) {

  static BenchmarkSettings fromSystemProperties() {
    return new BenchmarkSettings(
        Integer.getInteger("benchmark.runs", 1),
        Duration.ofSeconds(Integer.getInteger("benchmark.phaseSeconds", 20)),
        Duration.ofSeconds(Integer.getInteger("benchmark.warmUpSeconds", 60)),
        Integer.getInteger("benchmark.concurrency", 16),
        Arrays.stream(System.getProperty("benchmark.rates", "10,30,60").split(","))
            .map(String::trim)
            .map(Double::parseDouble)
            .toList(),
        Double.parseDouble(System.getProperty("benchmark.modestRate", "10")),
        Duration.ofMillis(Integer.getInteger("benchmark.downstreamLatencyMillis", 20)),
        Double.parseDouble(System.getProperty("benchmark.slackMessagesPerSecond", "50")),
        Double.parseDouble(System.getProperty("benchmark.redeliveryShare", "0.1")),
        Integer.getInteger("benchmark.workers", 1),
        Boolean.getBoolean("benchmark.profile"),
        words(System.getProperty("benchmark.jvmOptions", "-Xmx512m -XX:+ExitOnOutOfMemoryError")),
        // SQLite in write-ahead-log mode, committing without waiting for the disk: a committed
        // start survives a crash of the dev server (not of the machine). Empty: SQLite's defaults.
        words(
            System.getProperty(
                "benchmark.temporalOptions",
                "--sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal")),
        Arrays.stream(System.getProperty("benchmark.servers", "dev").split(","))
            .map(String::trim)
            .peek(BenchmarkSettings::checkServer)
            .toList(),
        Integer.getInteger("benchmark.burstLeads", 300),
        Double.parseDouble(System.getProperty("benchmark.burstSlackMessagesPerSecond", "1")),
        Boolean.getBoolean("benchmark.burstOnly"));
  }

  private static void checkServer(String server) {
    if (!List.of("dev", "dev-defaults", "external").contains(server)) {
      throw new IllegalArgumentException(
          "benchmark.servers: 'dev', 'dev-defaults' or 'external', not '" + server + "'");
    }
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }
}
