package com.leadprocessor.worker.observability;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * How the worker stops.
 *
 * @param shutdownTimeout how long a stopping worker waits for the workflow and activity tasks it
 *     already holds ({@code leads.worker.shutdown-timeout}); bare numbers are seconds. Keep it
 *     shorter than the container's stop grace period and longer than the slowest step's attempt.
 *     Tasks still running after it are interrupted and retried by Temporal on another worker.
 */
@ConfigurationProperties("leads.worker")
public record WorkerShutdownProperties(
    @DefaultValue("30s") @DurationUnit(ChronoUnit.SECONDS) Duration shutdownTimeout) {

  public WorkerShutdownProperties {
    if (shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "leads.worker.shutdown-timeout must not be negative, for example 30s");
    }
  }
}
