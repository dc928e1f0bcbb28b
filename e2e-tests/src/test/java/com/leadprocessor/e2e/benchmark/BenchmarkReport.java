package com.leadprocessor.e2e.benchmark;

import com.leadprocessor.e2e.harness.E2eEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the runs' figures into {@code target/benchmark/report.md}: the summary against the
 * baselines and the targets (medians over the runs), the CPU each process used in each phase, and
 * every figure of every run.
 */
final class BenchmarkReport {

  private final BenchmarkSettings settings;
  private final Map<String, List<Map<String, Double>>> runsByServer;
  private final StringBuilder out = new StringBuilder();

  /** The runs of the server whose section is being written. */
  private List<Map<String, Double>> runs;

  private BenchmarkReport(
      BenchmarkSettings settings, Map<String, List<Map<String, Double>>> runsByServer) {
    this.settings = settings;
    this.runsByServer = runsByServer;
  }

  /** {@code runsByServer}: the figures of each run, by Temporal server (dev, external). */
  static Path write(
      BenchmarkSettings settings, Map<String, List<Map<String, Double>>> runsByServer) {
    String text = new BenchmarkReport(settings, runsByServer).render();
    Path report = E2eEnvironment.buildSubdir("benchmark").resolve("report.md");
    try {
      Files.writeString(report, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(text);
    return report;
  }

  private String render() {
    line("# Lead processor benchmark");
    line("");
    line("Run " + Instant.now() + " on " + machine() + ".");
    line(
        "Settings: %d run(s), a warm-up of %d s at 20 leads/s, then phases of %d s, %d concurrent senders, %d worker process(es), %.0f%% redeliveries,"
            .formatted(
                settings.runs(),
                settings.warmUp().toSeconds(),
                settings.phase().toSeconds(),
                settings.concurrency(),
                settings.workers(),
                settings.redeliveryShare() * 100));
    line(
        "Salesforce and Slack emulations answer after %d ms; Slack pace %.0f messages/s per channel, the same pace the Slack emulation enforces (429 above it)."
            .formatted(settings.downstreamLatency().toMillis(), settings.slackMessagesPerSecond()));
    line(
        "JVM options of the API, the worker(s) and the bare endpoint: `"
            + String.join(" ", settings.jvmOptions())
            + "`.");
    line("Temporal dev server options: `" + String.join(" ", settings.temporalOptions()) + "`.");
    line("Figures are medians over the runs (min-max in brackets when there are several).");
    line("");
    if (runsByServer.size() > 1) {
      sideBySide();
    }
    runsByServer.forEach(
        (server, serverRuns) -> {
          runs = serverRuns;
          if (runsByServer.size() > 1) {
            line("# Temporal: " + serverName(server));
            line("");
          }
          summary();
          cores();
          perLead();
          everyFigure();
          line("");
        });
    return out.toString();
  }

  private static String serverName(String server) {
    return switch (server) {
      case "external" -> "external server " + System.getenv("E2E_TEMPORAL_ADDRESS");
      case "dev-defaults" -> "dev server (temporal server start-dev, SQLite's defaults)";
      default -> "dev server (temporal server start-dev, SQLite, the options above)";
    };
  }

  /** The main figures of every server, one column each, from the same run(s). */
  private void sideBySide() {
    line("## Temporal servers side by side");
    line("");
    List<String> servers = new ArrayList<>(runsByServer.keySet());
    line("| Figure | " + String.join(" | ", servers.stream().map(s -> s).toList()) + " |");
    line("|---|" + "---|".repeat(servers.size()));
    String modest = "rate" + (int) settings.modestRate();
    Map<String, String> figures = new java.util.LinkedHashMap<>();
    figures.put("raw.startsPerSecond", "Raw SDK starts/s (%.0f)");
    figures.put("raw.p50", "One raw SDK start p50 (ms, %.1f)");
    figures.put("saturation.completedPerSecond", "Completed leads/s sustained (%.1f)");
    figures.put("saturation.acceptedPerSecond", "Accepted webhooks/s at saturation (%.0f)");
    figures.put(modest + ".e2e.p50", "Webhook to alert p50 at the modest rate (ms, %.0f)");
    figures.put(modest + ".e2e.p99", "Webhook to alert p99 at the modest rate (ms, %.0f)");
    for (double rate : settings.rates()) {
      figures.put("rate" + (int) rate + ".ack.p99", "Ack p99 at " + (int) rate + "/s (ms, %.1f)");
    }
    figures.put(
        "perLead." + modest + ".cpuMs.temporal",
        "Temporal CPU per lead at the modest rate (ms, %.1f)");
    figures.put(
        "perLead." + modest + ".cpuMs.worker-1",
        "Worker CPU per lead at the modest rate (ms, %.1f)");
    figures.put(
        "perLead." + modest + ".cpuMs.postgresql",
        "PostgreSQL CPU per lead at the modest rate (ms, %.1f)");
    figures.put(
        "perLead.saturation.cpuMs.temporal", "Temporal CPU per lead at saturation (ms, %.1f)");
    figures.put(
        "perLead.saturation.cpuMs.postgresql", "PostgreSQL CPU per lead at saturation (ms, %.1f)");
    figures.put(
        "perLead.saturation.cpuMs.worker-1", "Worker CPU per lead at saturation (ms, %.1f)");
    figures.put("perLead." + modest + ".stateTransitions", "State transitions per lead (%.1f)");
    figures.put("perLead." + modest + ".historyEvents", "History events per lead (%.1f)");
    figures.put("leads.lost", "Leads lost (%.0f)");
    figures.put("leads.duplicated", "Leads duplicated (%.0f)");
    figures.forEach(
        (key, label) -> {
          int open = label.lastIndexOf('(');
          String format = label.substring(open + 1, label.length() - 1).replaceAll("^ms, ", "");
          String name = label.substring(0, open).trim() + (label.contains("(ms") ? " (ms)" : "");
          List<String> cells = new ArrayList<>();
          for (String server : servers) {
            runs = runsByServer.get(server);
            cells.add(fig(key, format));
          }
          line("| " + name + " | " + String.join(" | ", cells) + " |");
        });
    line("");
  }

  /** CPU milliseconds and Temporal work per completed lead, by phase. */
  private void perLead() {
    Set<String> processes = new LinkedHashSet<>();
    Set<String> phases = new LinkedHashSet<>();
    for (String key : runs.get(0).keySet()) {
      if (key.startsWith("perLead.") && key.contains(".cpuMs.")) {
        String[] parts = key.split("\\.", 4);
        phases.add(parts[1]);
        processes.add(parts[3]);
      }
    }
    if (phases.isEmpty()) {
      return;
    }
    line("## Cost per completed lead, by phase");
    line("");
    line(
        "CPU milliseconds of each process from the start of the phase until its last lead"
            + " completed, divided by the leads it completed; Temporal's work for "
            + "a sample of the phase's leads, read from the server (`DescribeWorkflowExecution`,"
            + " `GetWorkflowExecutionHistory`). In brackets, the part of a JVM's CPU its JIT"
            + " compiler threads used: compiling, not serving the lead.");
    line("");
    List<String> columns = new ArrayList<>();
    processes.forEach(process -> columns.add("CPU ms " + process));
    columns.addAll(
        List.of(
            "workflow tasks",
            "activity tasks",
            "markers",
            "history events",
            "history bytes",
            "state transitions"));
    line("| Phase | leads | " + String.join(" | ", columns) + " |");
    line("|---|---|" + "---|".repeat(columns.size()));
    for (String phase : phases) {
      List<String> cells = new ArrayList<>();
      cells.add(fig(phase + ".completed", "%.0f"));
      for (String process : processes) {
        String jit = "perLead." + phase + ".jitMs." + process;
        cells.add(
            fig("perLead." + phase + ".cpuMs." + process, "%.1f")
                + (runs.get(0).containsKey(jit) ? " (JIT " + fig(jit, "%.1f") + ")" : ""));
      }
      for (String figure : HistoryCost.FIGURES) {
        cells.add(fig("perLead." + phase + "." + figure, "%.1f"));
      }
      line("| " + phase + " | " + String.join(" | ", cells) + " |");
    }
    line("");
    line("Markers: local activities and version markers recorded in the history.");
    line("");
    line("Where a lead's time went, milliseconds between its events (the same sample):");
    line("");
    line(
        "| Phase | start to first workflow task | first workflow task (local steps) | alert queued"
            + " | alert run (Slack post) |");
    line("|---|---|---|---|---|");
    for (String phase : phases) {
      List<String> cells = new ArrayList<>();
      for (HistoryCost.Segment segment : HistoryCost.SEGMENTS) {
        cells.add(fig("perLead." + phase + "." + segment.name(), "%.1f"));
      }
      line("| " + phase + " | " + String.join(" | ", cells) + " |");
    }
    line("");
  }

  private void summary() {
    line("## Summary");
    line("");
    line("| Figure | Ours | Baseline | Ours / baseline | Target |");
    line("|---|---|---|---|---|");
    row(
        "Accepted webhooks/s at saturation (" + settings.concurrency() + " senders)",
        fig("saturation.acceptedPerSecond", "%.0f/s"),
        fig("bare.rps", "%.0f/s") + " bare signature-only endpoint",
        ratio("saturation.acceptedPerSecond", "bare.rps"),
        "");
    row(
        "New leads durably started/s at saturation",
        fig("saturation.startsPerSecond", "%.0f/s"),
        fig("raw.startsPerSecond", "%.0f/s") + " raw SDK starts",
        ratio("saturation.startsPerSecond", "raw.startsPerSecond"),
        "");
    for (double rate : settings.rates()) {
      String phase = "rate" + (int) rate;
      row(
          "Acknowledgement p50 / p99 / max at %.0f/s (ms)".formatted(rate),
          fig(phase + ".ack.p50", "%.1f")
              + " / "
              + fig(phase + ".ack.p99", "%.1f")
              + " / "
              + fig(phase + ".ack.max", "%.0f"),
          fig("bare.p50", "%.1f") + " / " + fig("bare.p99", "%.1f") + " bare, at saturation",
          "",
          "p99 <= 100 ms");
    }
    row(
        "Acknowledgement p50 / p99 at saturation (ms)",
        fig("saturation.ack.p50", "%.1f") + " / " + fig("saturation.ack.p99", "%.1f"),
        fig("raw.p50", "%.1f") + " / " + fig("raw.p99", "%.1f") + " one raw SDK start",
        "",
        "");
    String modest = "rate" + (int) settings.modestRate();
    row(
        "Webhook to Slack alert p50 at %.0f/s (ms)".formatted(settings.modestRate()),
        fig(modest + ".e2e.p50", "%.0f"),
        fig(modest + ".downstreamMillisPerLead", "%.0f")
            + " emulated downstream latency per lead ("
            + fig(modest + ".downstreamCallsPerLead", "%.1f")
            + " calls)",
        ratio(modest + ".e2e.p50", modest + ".downstreamMillisPerLead"),
        "<= 2x");
    row(
        "Webhook to Slack alert p99 at %.0f/s (ms)".formatted(settings.modestRate()),
        fig(modest + ".e2e.p99", "%.0f"),
        fig(modest + ".downstreamMillisPerLead", "%.0f"),
        ratio(modest + ".e2e.p99", modest + ".downstreamMillisPerLead"),
        "<= 4x");
    row(
        "Completed leads/s sustained (alerts posted while work waited)",
        fig("saturation.completedPerSecond", "%.1f/s"),
        fig("raw.startsPerSecond", "%.0f/s") + " raw SDK starts",
        ratio("saturation.completedPerSecond", "raw.startsPerSecond"),
        ">= 60/s");
    String temporalPerLead =
        "perLead.rate%.0f.cpuMs.temporal".formatted(BenchmarkRun.LEAD_SHAPE_RATE);
    row(
        "Temporal server CPU per completed lead at %.0f/s (ms)"
            .formatted(BenchmarkRun.LEAD_SHAPE_RATE),
        fig(temporalPerLead, "%.1f"),
        fig("leadShape.cpuMs.temporal", "%.1f")
            + " bare workflows of a lead's shape (2 workflow tasks, 1 activity on another queue)",
        ratio(temporalPerLead, "leadShape.cpuMs.temporal"),
        "");
    row(
        "Peak resident memory, webhook-api + worker-1 (MB)",
        fig("rssMb.apiPlusWorker", "%.0f"),
        fig("bare.rssMb", "%.0f") + " bare endpoint",
        "",
        "< 1400 MB");
    row(
        "Leads lost / duplicated (of " + fig("leads.accepted", "%.0f") + " acknowledged)",
        fig("leads.lost", "%.0f") + " / " + fig("leads.duplicated", "%.0f"),
        "",
        "",
        "0 / 0");
    row("Slack 429 answers", fig("slack.rateLimited", "%.0f"), "", "", "");
    line("");
  }

  private void cores() {
    Set<String> processes = new LinkedHashSet<>();
    Set<String> phases = new LinkedHashSet<>();
    for (String key : runs.get(0).keySet()) {
      if (key.startsWith("cores.")) {
        String[] parts = key.split("\\.", 3);
        phases.add(parts[1]);
        processes.add(parts[2]);
      }
    }
    line(
        "## CPU by process and phase (cores; the machine has "
            + Runtime.getRuntime().availableProcessors()
            + ")");
    line("");
    line("| Phase | " + String.join(" | ", processes) + " | total |");
    line("|---|" + "---|".repeat(processes.size() + 1));
    for (String phase : phases) {
      List<String> cells = new ArrayList<>();
      double total = 0;
      for (String process : processes) {
        Double cores = median("cores." + phase + "." + process);
        total += cores == null ? 0 : cores;
        cells.add(cores == null ? "" : "%.2f".formatted(cores));
      }
      line("| " + phase + " | " + String.join(" | ", cells) + " | %.2f |".formatted(total));
    }
    line("");
    line("`load+emulations` is the benchmark's own JVM: the load generator and both emulations.");
    line("");
  }

  private void everyFigure() {
    line("## Every figure");
    line("");
    StringBuilder header = new StringBuilder("| Figure |");
    for (int i = 1; i <= runs.size(); i++) {
      header.append(" run ").append(i).append(" |");
    }
    line(header + " median |");
    line("|---|" + "---|".repeat(runs.size() + 1));
    for (String key : runs.get(0).keySet()) {
      StringBuilder row = new StringBuilder("| " + key + " |");
      for (Map<String, Double> run : runs) {
        Double value = run.get(key);
        row.append(' ').append(value == null ? "" : "%.2f".formatted(value)).append(" |");
      }
      line(row + " %.2f |".formatted(median(key)));
    }
  }

  private String fig(String key, String format) {
    Double median = median(key);
    if (median == null) {
      return "n/a";
    }
    String text = format.formatted(median);
    if (runs.size() > 1) {
      List<Double> values = values(key);
      text +=
          " ("
              + format.formatted(values.get(0))
              + "-"
              + format.formatted(values.get(values.size() - 1))
              + ")";
    }
    return text;
  }

  private String ratio(String ours, String baseline) {
    Double a = median(ours);
    Double b = median(baseline);
    return a == null || b == null || b == 0 ? "n/a" : "%.2f".formatted(a / b);
  }

  private Double median(String key) {
    List<Double> values = values(key);
    if (values.isEmpty()) {
      return null;
    }
    int middle = values.size() / 2;
    return values.size() % 2 == 1
        ? values.get(middle)
        : (values.get(middle - 1) + values.get(middle)) / 2;
  }

  private List<Double> values(String key) {
    return runs.stream().map(run -> derived(run, key)).filter(Objects::nonNull).sorted().toList();
  }

  /** A figure of one run, or one derived from its figures. */
  private static Double derived(Map<String, Double> run, String key) {
    return switch (key) {
      case "saturation.startsPerSecond" -> {
        Double sent = run.get("saturation.sent");
        Double fresh = run.get("saturation.status.202");
        Double rate = run.get("saturation.requestsPerSecond");
        yield sent == null || fresh == null || rate == null || sent == 0
            ? null
            : fresh / sent * rate;
      }
      case "rssMb.apiPlusWorker" -> {
        Double api = run.get("rssMb.webhook-api");
        Double worker = run.get("rssMb.worker-1");
        yield api == null || worker == null ? null : api + worker;
      }
      default -> run.get(key);
    };
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException e) {
      // Not Linux: the model stays unknown.
    }
    long memoryGb =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize()
            / (1L << 30);
    return "%d cores (%s), %d GiB, Java %s"
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            cpu,
            memoryGb,
            System.getProperty("java.version"));
  }

  private void row(String figure, String ours, String baseline, String ratio, String target) {
    line("| " + figure + " | " + ours + " | " + baseline + " | " + ratio + " | " + target + " |");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
