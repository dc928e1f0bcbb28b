package com.leadprocessor.api.review;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * The review API and the review backlog metric.
 *
 * @param apiTokens the bearer tokens that may call the review API ({@code LEADS_REVIEW_API_TOKENS},
 *     comma-separated so that an old and a new token can both be valid during a rotation). None
 *     configured means the review endpoints do not exist. Tokens are checked when the API is built
 *     (see {@link ReviewTokens}), not here, so that a bad one never appears in a binding error.
 * @param backlogRefresh how often {@code leads.review.backlog} is counted from Temporal visibility
 *     ({@code LEADS_REVIEW_BACKLOG_REFRESH}; bare numbers are seconds)
 */
@Validated
@ConfigurationProperties("leads.review")
public record ReviewApiProperties(
    List<String> apiTokens,
    @NotNull @DefaultValue("30s") @DurationUnit(ChronoUnit.SECONDS) Duration backlogRefresh) {

  public ReviewApiProperties {
    apiTokens =
        apiTokens == null
            ? List.of()
            : apiTokens.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
    if (backlogRefresh != null && (backlogRefresh.isNegative() || backlogRefresh.isZero())) {
      throw new IllegalArgumentException(
          "leads.review.backlog-refresh must be positive, for example 30s");
    }
  }

  /** Whether the review endpoints exist. */
  public boolean apiEnabled() {
    return !apiTokens.isEmpty();
  }
}
