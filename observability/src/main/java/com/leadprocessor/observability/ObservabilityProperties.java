package com.leadprocessor.observability;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * How the apps report on their own health.
 *
 * @param temporalHealthTimeout the deadline of the Temporal health check behind readiness ({@code
 *     leads.observability.temporal-health-timeout}); bare numbers are seconds
 */
@ConfigurationProperties("leads.observability")
public record ObservabilityProperties(
    @DefaultValue("2s") @DurationUnit(ChronoUnit.SECONDS) Duration temporalHealthTimeout) {

  public ObservabilityProperties {
    if (temporalHealthTimeout.isNegative() || temporalHealthTimeout.isZero()) {
      throw new IllegalArgumentException(
          "leads.observability.temporal-health-timeout must be positive, for example 2s");
    }
  }
}
