package com.leadprocessor.e2e.benchmark;

import com.leadprocessor.e2e.harness.AppProcess;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.Pause;
import com.leadprocessor.e2e.harness.ProcessUsage;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * One measurement of a running system: the raw-start baseline on its dev server, then the load
 * phases (fixed rates, saturation), each drained before the next so that phases do not bleed into
 * each other. Figures go into a flat map, {@code name -> value}, that {@link BenchmarkReport} turns
 * into tables.
 */
final class BenchmarkRun {

  private static final String LEAD_ALERT = "lead_alert";
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

  /** The PostgreSQL postmaster of scripts/temporal-postgres.sh, whose CPU the server causes. */
  private static final String DATABASE_PID_ENV = "E2E_TEMPORAL_DATABASE_PID";

  private static final String POSTGRESQL = "postgresql";

  /**
   * The rate of the lead-shaped baseline ({@link LeadShapedBaseline}), one of the default phases'
   * rates, so that its Temporal CPU per workflow sits beside that phase's CPU per lead.
   */
  static final double LEAD_SHAPE_RATE = 30;

  /** Completed leads per phase whose histories are read for the per-lead Temporal figures. */
  private static final int HISTORY_SAMPLE = 20;

  private final BenchmarkSettings settings;
  private final LeadProcessorSystem system;
  private final SlackEmulation slack;
  private final SalesforceEmulation salesforce;
  private final String run;
  private final Map<String, Double> figures = new LinkedHashMap<>();
  private final Map<String, Long> processes = new LinkedHashMap<>();

  BenchmarkRun(
      BenchmarkSettings settings,
      LeadProcessorSystem system,
      SlackEmulation slack,
      SalesforceEmulation salesforce,
      String run) {
    this.settings = settings;
    this.system = system;
    this.slack = slack;
    this.salesforce = salesforce;
    this.run = run;
    processes.put("temporal", system.temporal().pid());
    processes.put("webhook-api", system.api().pid());
    List<AppProcess> workers = system.workers();
    for (int i = 0; i < workers.size(); i++) {
      processes.put("worker-" + (i + 1), workers.get(i).pid());
    }
    processes.put("load+emulations", ProcessHandle.current().pid());
    String database = System.getenv(DATABASE_PID_ENV);
    if (system.temporal().isExternal() && database != null && !database.isBlank()) {
      // PostgreSQL's postmaster and its backends: the external server's database.
      processes.put(POSTGRESQL, Long.parseLong(database.trim()));
    }
  }

  Map<String, Double> measure() {
    // First, on the fresh server: after the raw starts its background work (their tasks that no
    // worker polls) counted into the baseline's CPU, 41 ms a workflow against 28 on a quiet one.
    measureLeadShape();
    measureRawStarts();

    LoadGenerator load = new LoadGenerator(system.webhooks());
    LeadMix warmUp = new LeadMix("warm-" + run, settings.redeliveryShare());
    drain(load.atRate("warm-up", warmUp, 20, settings.warmUp(), settings.concurrency()));

    for (double rate : settings.rates()) {
      String phase = "rate" + (int) rate;
      LeadMix mix = new LeadMix(phase + "-" + run, settings.redeliveryShare());
      Map<String, ProcessUsage> before = usage();
      int downstreamBefore = downstreamRequests();
      LoadGenerator.Result result =
          load.atRate(phase, mix, rate, settings.phase(), settings.concurrency());
      recordCores(phase, before);
      Map<String, List<Long>> alerts = drain(result);
      recordPerLead(phase, before, alerts);
      recordAcknowledgements(phase, result);
      if (rate == settings.modestRate()) {
        recordEndToEnd(phase, result, alerts, downstreamRequests() - downstreamBefore);
      }
    }

    LeadMix saturationMix = new LeadMix("saturation-" + run, settings.redeliveryShare());
    Map<String, ProcessUsage> before = usage();
    long saturationStart = System.currentTimeMillis();
    LoadGenerator.Result saturation =
        load.atSaturation("saturation", saturationMix, settings.concurrency(), settings.phase());
    recordCores("saturation", before);
    recordAcknowledgements("saturation", saturation);
    figures.put("saturation.acceptedPerSecond", saturation.acceptedPerSecond());
    Map<String, List<Long>> alerts = drain(saturation);
    recordPerLead("saturation", before, alerts);
    recordCompletions(saturationStart, alerts);

    usage().forEach((name, usage) -> figures.put("rssMb." + name, usage.peakResidentBytes() / 1e6));
    figures.put("slack.rateLimited", (double) slack.rateLimitedResponses());
    return figures;
  }

  private void measureRawStarts() {
    String address = system.temporal().address();
    RawTemporalStarts.measure(address, settings.concurrency(), Duration.ofSeconds(3));
    Map<String, ProcessUsage> before = usage();
    RawTemporalStarts.Result raw =
        RawTemporalStarts.measure(address, settings.concurrency(), settings.phase());
    recordCores("raw", before);
    figures.put("raw.startsPerSecond", raw.startsPerSecond());
    figures.put("raw.p50", raw.startMicros().getValueAtPercentile(50) / 1000.0);
    figures.put("raw.p99", raw.startMicros().getValueAtPercentile(99) / 1000.0);
  }

  private void measureLeadShape() {
    LeadShapedBaseline.Result shape =
        LeadShapedBaseline.measure(
            system.temporal().address(),
            system.temporal().pid(),
            LEAD_SHAPE_RATE,
            settings.phase());
    figures.put("leadShape.completed", (double) shape.completed());
    figures.put("leadShape.cpuMs.temporal", shape.serverCpuMillisPerWorkflow());
  }

  /**
   * What one completed lead of the phase cost: CPU milliseconds of each process from the start of
   * the phase until its last lead completed (so the work the phase queued is counted too), and what
   * Temporal persisted for a sample of its leads ({@link HistoryCost}).
   */
  private void recordPerLead(
      String phase, Map<String, ProcessUsage> before, Map<String, List<Long>> alerts) {
    int completed = alerts.size();
    figures.put(phase + ".completed", (double) completed);
    if (completed == 0) {
      return;
    }
    usage()
        .forEach(
            (name, now) -> {
              ProcessUsage then = before.get(name);
              figures.put(
                  "perLead." + phase + ".cpuMs." + name,
                  (now.cpuSeconds() - then.cpuSeconds()) * 1000 / completed);
              if (now.jitCpuSeconds() > 0) {
                figures.put(
                    "perLead." + phase + ".jitMs." + name,
                    Math.max(0, now.jitCpuSeconds() - then.jitCpuSeconds()) * 1000 / completed);
              }
            });
    List<String> sample =
        alerts.keySet().stream()
            .sorted()
            .limit(HISTORY_SAMPLE)
            .map(LeadWorkflowIds::forConversation)
            .toList();
    try (HistoryCost history = new HistoryCost(system.temporal().address())) {
      history
          .perLead(sample)
          .forEach((name, value) -> figures.put("perLead." + phase + "." + name, value));
    }
  }

  private void recordAcknowledgements(String phase, LoadGenerator.Result result) {
    figures.put(phase + ".sent", (double) result.sent().size());
    figures.put(phase + ".requestsPerSecond", result.requestsPerSecond());
    figures.put(phase + ".ack.p50", result.percentileMillis(50));
    figures.put(phase + ".ack.p99", result.percentileMillis(99));
    figures.put(phase + ".ack.max", result.maxMillis());
    result
        .statuses()
        .forEach((status, count) -> figures.put(phase + ".status." + status, (double) count));
  }

  private void recordEndToEnd(
      String phase, LoadGenerator.Result result, Map<String, List<Long>> alerts, int downstream) {
    Histogram latencies = new Histogram(3);
    result.sent().stream()
        .filter(sent -> sent.status() == 202)
        .forEach(
            sent -> {
              List<Long> posted = alerts.get(sent.delivery().lead().conversationId());
              if (posted != null && !posted.isEmpty()) {
                latencies.recordValue(Math.max(0, posted.get(0) - sent.sentAtMillis()));
              }
            });
    int leads = accepted(result).size();
    figures.put(phase + ".e2e.p50", (double) latencies.getValueAtPercentile(50));
    figures.put(phase + ".e2e.p99", (double) latencies.getValueAtPercentile(99));
    figures.put(phase + ".e2e.max", (double) latencies.getMaxValue());
    figures.put(phase + ".downstreamCallsPerLead", leads == 0 ? 0 : (double) downstream / leads);
    figures.put(
        phase + ".downstreamMillisPerLead",
        leads == 0 ? 0 : (double) downstream / leads * settings.downstreamLatency().toMillis());
  }

  /** Completed leads a second while work waited: alerts posted from 5 s into saturation on. */
  private void recordCompletions(long saturationStart, Map<String, List<Long>> alerts) {
    long from = saturationStart + 5_000;
    List<Long> posted =
        alerts.values().stream().flatMap(List::stream).filter(ts -> ts >= from).sorted().toList();
    if (posted.size() > 1) {
      double seconds = (posted.get(posted.size() - 1) - from) / 1000.0;
      figures.put("saturation.completedPerSecond", posted.size() / seconds);
      figures.put(
          "saturation.drainSeconds", (posted.get(posted.size() - 1) - saturationStart) / 1000.0);
    }
  }

  /**
   * Waits until every lead the phase had acknowledged has its alert (or the drain times out), then
   * counts leads lost (acknowledged, no alert) and duplicated (more than one alert or one
   * Salesforce Lead). Returns the alert times, epoch milliseconds, by conversation id.
   */
  private Map<String, List<Long>> drain(LoadGenerator.Result result) {
    Set<String> expected = accepted(result);
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (alertsFor(expected).size() < expected.size() && System.nanoTime() < deadline) {
      Pause.of(Duration.ofMillis(500));
    }
    Map<String, List<Long>> alerts = alertsFor(expected);
    Map<String, Long> leadsByConversation =
        salesforce.leads().stream()
            .map(lead -> String.valueOf(lead.fields().get(SalesforceEmulation.EXTERNAL_ID_FIELD)))
            .filter(expected::contains)
            .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    long lost = expected.stream().filter(id -> !alerts.containsKey(id)).count();
    long duplicated =
        alerts.values().stream().mapToLong(posted -> posted.size() - 1).sum()
            + leadsByConversation.values().stream().mapToLong(count -> count - 1).sum();
    figures.merge("leads.accepted", (double) expected.size(), Double::sum);
    figures.merge("leads.lost", (double) lost, Double::sum);
    figures.merge("leads.duplicated", (double) duplicated, Double::sum);
    figures.merge("leads.completed", (double) alerts.size(), Double::sum);
    return alerts;
  }

  private Map<String, List<Long>> alertsFor(Set<String> conversationIds) {
    Map<String, List<Long>> alerts = new HashMap<>();
    for (SlackEmulation.Message message : slack.messages()) {
      if (!LEAD_ALERT.equals(message.metadataEventType())) {
        continue;
      }
      Object conversation = message.metadataPayload().get("conversation_id");
      if (conversation != null && conversationIds.contains(conversation.toString())) {
        long postedAt = Math.round(Double.parseDouble(message.ts()) * 1000);
        alerts
            .computeIfAbsent(conversation.toString(), id -> new java.util.ArrayList<>())
            .add(postedAt);
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

  private int downstreamRequests() {
    return salesforce.upsertRequests().size()
        + salesforce.lookupRequests().size()
        + salesforce.tokenRequests().size()
        + slack.requests().size();
  }

  private Map<String, ProcessUsage> usage() {
    Map<String, ProcessUsage> usage = new LinkedHashMap<>();
    processes.forEach(
        (name, pid) ->
            usage.put(
                name,
                name.equals(POSTGRESQL) ? ProcessUsage.withChildren(pid) : ProcessUsage.of(pid)));
    return usage;
  }

  private void recordCores(String phase, Map<String, ProcessUsage> before) {
    usage()
        .forEach(
            (name, now) ->
                figures.put("cores." + phase + "." + name, now.coresSince(before.get(name))));
  }
}
