package com.leadprocessor.api.slack;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code POST /slack/interactivity} authenticates Slack's button clicks and answers them.
 *
 * @param signingSecret the Slack app's signing secret ({@code SLACK_SIGNING_SECRET}, Basic
 *     Information → App Credentials); blank means the endpoint does not exist (404). Never logged.
 * @param timestampTolerance how far {@code X-Slack-Request-Timestamp} may be from the server's time
 *     before a click is refused as stale; Slack's own rule is five minutes
 * @param maxBodySize the largest body accepted; larger ones get 413 without being read to the end
 * @param ackWithin how long a click waits for the lead's workflow before it is acknowledged anyway
 *     (Slack gives up after 3 seconds); the answer then reaches the clicker later
 * @param updateTimeout how long the workflow may take in all before the clicker is told that it did
 *     not answer
 * @param responseUrlHosts the hosts a payload's {@code response_url} may point at, exactly; https
 *     is required except for a loopback host (tests and local trials)
 * @param replayCacheSize how many recently seen signatures are kept to refuse a replayed request
 */
@Validated
@ConfigurationProperties("leads.slack")
public record SlackInteractivityProperties(
    String signingSecret,
    @NotNull @DefaultValue("5m") @DurationUnit(ChronoUnit.SECONDS) Duration timestampTolerance,
    @NotNull @DefaultValue("64KB") DataSize maxBodySize,
    @NotNull @DefaultValue("2s") Duration ackWithin,
    @NotNull @DefaultValue("20s") Duration updateTimeout,
    @DefaultValue("hooks.slack.com") List<String> responseUrlHosts,
    @DefaultValue("10000") int replayCacheSize) {

  public SlackInteractivityProperties {
    signingSecret = signingSecret == null || signingSecret.isBlank() ? null : signingSecret.strip();
    positive("timestamp-tolerance", timestampTolerance, "5m");
    positive("ack-within", ackWithin, "2s");
    positive("update-timeout", updateTimeout, "20s");
    if (ackWithin != null && ackWithin.compareTo(Duration.ofMillis(2500)) > 0) {
      throw new IllegalArgumentException(
          "leads.slack.ack-within must be at most 2.5s: Slack gives up on a click after 3 seconds");
    }
    if (maxBodySize != null
        && (maxBodySize.toBytes() <= 0
            || maxBodySize.toBytes() > DataSize.ofMegabytes(1).toBytes())) {
      throw new IllegalArgumentException(
          "leads.slack.max-body-size must be between 1B and 1MB, for example 64KB");
    }
    responseUrlHosts =
        responseUrlHosts == null
            ? List.of()
            : responseUrlHosts.stream()
                .filter(h -> h != null && !h.isBlank())
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
    if (responseUrlHosts.isEmpty()) {
      throw new IllegalArgumentException(
          "leads.slack.response-url-hosts (LEADS_SLACK_RESPONSE_URL_HOSTS) must name at least one"
              + " host, for example hooks.slack.com");
    }
    if (replayCacheSize < 1) {
      throw new IllegalArgumentException(
          "leads.slack.replay-cache-size must be positive, for example 10000");
    }
  }

  /** Whether the interactivity endpoint exists. */
  public boolean enabled() {
    return signingSecret != null;
  }

  /** Never shows the secret, only whether there is one. */
  @Override
  public String toString() {
    return "SlackInteractivityProperties[signingSecret="
        + (enabled() ? "(set)" : "(none)")
        + ", timestampTolerance="
        + timestampTolerance
        + ", maxBodySize="
        + maxBodySize
        + ", ackWithin="
        + ackWithin
        + ", updateTimeout="
        + updateTimeout
        + ", responseUrlHosts="
        + responseUrlHosts
        + ", replayCacheSize="
        + replayCacheSize
        + "]";
  }

  private static void positive(String name, Duration value, String example) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(
          "leads.slack." + name + " must be positive, for example " + example);
    }
  }
}
