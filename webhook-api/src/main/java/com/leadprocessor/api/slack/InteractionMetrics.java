package com.leadprocessor.api.slack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@value #INTERACTIONS}: Slack interactivity requests by outcome, every counter registered at
 * start-up so that dashboards see zeros rather than gaps. Tags carry no user or lead.
 */
final class InteractionMetrics {

  static final String INTERACTIONS = "leads.slack.interactions";

  /** How one interactivity request ended. */
  enum Outcome {
    ACCEPTED,
    REFUSED,
    LEAD_CLOSED,
    WORKER_SILENT,
    REJECTED_SIGNATURE,
    REPLAYED,
    MALFORMED,
    TOO_LARGE;

    static Outcome of(ClickOutcome.Kind kind) {
      return valueOf(kind.name());
    }
  }

  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

  InteractionMetrics(MeterRegistry registry) {
    Arrays.stream(Outcome.values())
        .forEach(
            outcome ->
                counters.put(
                    outcome,
                    Counter.builder(INTERACTIONS)
                        .description("Slack interactivity requests (alert clicks) by outcome")
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry)));
  }

  void count(Outcome outcome) {
    counters.get(outcome).increment();
  }
}
