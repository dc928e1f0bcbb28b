package com.leadprocessor.connector.review;

import com.leadprocessor.workflow.LeadStep;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How leads in review are followed up.
 *
 * @param remindAfter how long a lead may wait in review before the team is reminded, and again
 *     after each reminder; positive, for example {@code 24h} or {@code 30m}
 * @param keepRetrying per step ({@code leads.review.keep-retrying.salesforce}, {@code .slack}), how
 *     long a step whose service is down goes on retrying after its retry policy ran out, with the
 *     lead shown as {@code DELAYED}, before the lead enters review; {@code 0} sends it to review at
 *     once. Defaults to {@code 4h} for Salesforce and Slack.
 */
@Validated
@ConfigurationProperties("leads.review")
public record ReviewReminderProperties(
    @NotNull
        @DurationMin(seconds = 1, message = "must be positive, for example 24h or 30m")
        @DefaultValue("24h")
        Duration remindAfter,
    Map<LeadStep, Duration> keepRetrying) {

  /** Salesforce and Slack outages of a few hours heal without a reviewer. */
  static final Map<LeadStep, Duration> DEFAULT_KEEP_RETRYING =
      Map.of(LeadStep.SALESFORCE, Duration.ofHours(4), LeadStep.SLACK, Duration.ofHours(4));

  public ReviewReminderProperties {
    // A step configured alone keeps the other steps' defaults.
    Map<LeadStep, Duration> merged = new EnumMap<>(DEFAULT_KEEP_RETRYING);
    if (keepRetrying != null) {
      merged.putAll(keepRetrying);
    }
    keepRetrying = Map.copyOf(merged);
    keepRetrying.forEach(
        (step, duration) -> {
          if (duration.isNegative()) {
            throw new IllegalArgumentException(
                "leads.review.keep-retrying."
                    + step.name().toLowerCase(java.util.Locale.ROOT)
                    + " must not be negative, for example 4h or 0 for none");
          }
        });
  }
}
