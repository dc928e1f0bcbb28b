package com.leadprocessor.api.start;

import com.leadprocessor.workflow.LeadTaskQueues;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how leads are started in Temporal.
 *
 * @param taskQueue the task queue of {@code LeadWorkflow} ({@code LEADS_TASK_QUEUE}, default {@link
 *     LeadTaskQueues#DEFAULT}); the worker reads the same property
 * @param temporal how long a start may take before the sender is told to retry
 */
@Validated
@ConfigurationProperties("leads")
public record LeadStartProperties(
    @NotBlank @DefaultValue(LeadTaskQueues.DEFAULT) String taskQueue,
    @Valid @DefaultValue Temporal temporal) {

  /**
   * Bare numbers are seconds.
   *
   * @param startTimeout the longest a start may take, the SDK's internal retries included ({@code
   *     leads.temporal.start-timeout})
   * @param retryAfter the {@code Retry-After} sent with a 503 when Temporal did not accept a start
   *     ({@code leads.temporal.retry-after}), rounded up to whole seconds
   */
  public record Temporal(
      @NotNull @DefaultValue("5s") @DurationUnit(ChronoUnit.SECONDS) Duration startTimeout,
      @NotNull @DefaultValue("5s") @DurationUnit(ChronoUnit.SECONDS) Duration retryAfter) {

    public Temporal {
      if (startTimeout != null && (startTimeout.isNegative() || startTimeout.isZero())) {
        throw new IllegalArgumentException(
            "leads.temporal.start-timeout must be positive, for example 5s");
      }
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException(
            "leads.temporal.retry-after must not be negative, for example 5s");
      }
    }
  }
}
