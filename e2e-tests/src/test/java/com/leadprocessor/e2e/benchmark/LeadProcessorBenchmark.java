package com.leadprocessor.e2e.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.e2e.harness.AppProcess;
import com.leadprocessor.e2e.harness.E2eEnvironment;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.ProcessUsage;
import com.leadprocessor.e2e.harness.SignedWebhookClient;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark: the real stack (webhook-api jar, worker jar(s), a Temporal dev server, the
 * Salesforce and Slack emulations answering after a fixed latency) under the project's own load
 * generator, with two baselines measured in the same run: a bare Spring MVC endpoint that only
 * checks the signature (the HTTP limit of this machine) and raw workflow starts from a plain SDK
 * client (the durable-start limit). Writes {@code target/benchmark/report.md}.
 *
 * <p>A measurement, not a test of speed: it asserts only that no lead was lost or duplicated. Not
 * part of {@code verify}; run it with {@code scripts/benchmark.sh}.
 */
@Timeout(value = 90, unit = TimeUnit.MINUTES)
class LeadProcessorBenchmark {

  private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();

  @Test
  void measure() throws Exception {
    Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
    for (int run = 1; !settings.burstOnly() && run <= settings.runs(); run++) {
      Map<String, Double> bare = measureBareEndpoint(run);
      for (String server : settings.servers()) {
        Map<String, Double> figures = new LinkedHashMap<>(bare);
        figures.putAll(runOnce(run, server));
        runs.computeIfAbsent(server, name -> new ArrayList<>()).add(figures);
      }
    }
    Map<String, Double> burst =
        settings.burstLeads() > 0 ? new AlertBurst(settings).measure() : Map.of();
    Path report = settings.burstOnly() ? burstOnlyReport() : BenchmarkReport.write(settings, runs);
    if (!burst.isEmpty()) {
      String section = AlertBurst.markdown(settings, burst);
      Files.writeString(report, section, StandardOpenOption.APPEND);
      System.out.println(section);
    }
    System.out.println("Benchmark report: " + report);
    if (!burst.isEmpty()) {
      assertThat(burst.get("burst.lost")).as("leads lost in the alert burst").isZero();
      assertThat(burst.get("burst.duplicated")).as("leads duplicated in the alert burst").isZero();
    }
    runs.forEach(
        (server, serverRuns) -> {
          for (Map<String, Double> figures : serverRuns) {
            assertThat(figures.get("leads.lost")).as("leads lost, " + server).isZero();
            assertThat(figures.get("leads.duplicated")).as("leads duplicated, " + server).isZero();
          }
        });
  }

  private static Path burstOnlyReport() throws java.io.IOException {
    Path report = E2eEnvironment.buildSubdir("benchmark").resolve("report.md");
    Files.writeString(
        report,
        "# Lead processor benchmark: the alert burst alone (benchmark.burstOnly)\n\nRun "
            + java.time.Instant.now()
            + ".\n");
    return report;
  }

  private Map<String, Double> measureBareEndpoint(int run) throws Exception {
    Map<String, Double> figures = new LinkedHashMap<>();
    String secret = SignedWebhookClient.newSecret();
    Duration phase = settings.phase();

    // Baseline 1: the HTTP limit, on its own so nothing else competes for the cores.
    try (BareEndpointProcess bare = BareEndpointProcess.start(secret, settings.jvmOptions())) {
      LoadGenerator load = new LoadGenerator(new SignedWebhookClient(bare.port(), secret));
      load.atSaturation(
          "bare warm-up",
          new LeadMix("bare-warm-" + run, 0),
          settings.concurrency(),
          Duration.ofSeconds(5));
      ProcessUsage before = ProcessUsage.of(bare.pid());
      LoadGenerator.Result result =
          load.atSaturation("bare", new LeadMix("bare-" + run, 0), settings.concurrency(), phase);
      ProcessUsage after = ProcessUsage.of(bare.pid());
      figures.put("bare.rps", result.requestsPerSecond());
      figures.put("bare.p50", result.percentileMillis(50));
      figures.put("bare.p99", result.percentileMillis(99));
      figures.put("bare.cores", after.coresSince(before));
      figures.put("bare.rssMb", after.peakResidentBytes() / 1e6);
    }
    return figures;
  }

  private Map<String, Double> runOnce(int run, String server) throws Exception {
    Map<String, Double> figures = new LinkedHashMap<>();
    // Unique on an external server that earlier benchmarks used too.
    String runId = run + "-" + server + "-" + Long.toString(System.currentTimeMillis(), 36);

    try (SalesforceEmulation salesforce = SalesforceEmulation.start();
        SlackEmulation slack =
            SlackEmulation.start()
                .latency(settings.downstreamLatency())
                .enforceRateLimit(settings.slackMessagesPerSecond())) {
      salesforce.slow(settings.downstreamLatency());
      LeadProcessorSystem.Builder builder =
          LeadProcessorSystem.named("benchmark-" + run + "-" + server)
              .externalTemporal(server.equals("external"))
              .workers(settings.workers())
              .temporalOptions(
                  server.equals("dev-defaults") ? List.of() : settings.temporalOptions())
              .liveSalesforce(salesforce)
              .liveSlack(slack)
              .workerEnv(
                  "SLACK_MAX_MESSAGES_PER_SECOND",
                  String.valueOf(settings.slackMessagesPerSecond()))
              .jvmOptions(
                  withProfile(settings.jvmOptions(), "worker-" + run + "-" + server),
                  withProfile(settings.jvmOptions(), "webhook-api-" + run + "-" + server));
      try (LeadProcessorSystem system = builder.start()) {
        BenchmarkRun measured = new BenchmarkRun(settings, system, slack, salesforce, runId);
        figures.putAll(measured.measure());
      }
    }
    return figures;
  }

  private List<String> withProfile(List<String> options, String name) {
    if (!settings.profile()) {
      return options;
    }
    List<String> profiled = new ArrayList<>(options);
    profiled.add(
        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
            + E2eEnvironment.buildSubdir("benchmark").resolve(name + ".jfr"));
    return profiled;
  }

  static List<AppProcess> apps(LeadProcessorSystem system) {
    List<AppProcess> apps = new ArrayList<>(system.workers());
    apps.add(system.api());
    return apps;
  }
}
