package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.slack.SlackChannels;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How lead alerts reach Slack ({@code leads.slack.*}).
 *
 * @param mode {@code auto} posts when a bot token is set and logs otherwise; {@code live} requires
 *     the token; {@code dry-run} logs the message that would be posted
 * @param botToken the bot's {@code xoxb-} token ({@code SLACK_BOT_TOKEN}); never logged
 * @param apiUrl the Web API's base URL ({@code SLACK_API_URL}), ending in {@code /api/}
 * @param defaultChannel the channel for leads whose route names none, for example when a reviewer
 *     skipped routing
 * @param reviewChannel where leads that need review are announced
 * @param maxMessagesPerSecond the pace of lead alerts; the worker enforces it on the Slack task
 *     queue, and its {@code application.yml} reads the same property
 * @param timeout how long one Slack HTTP call may take, well inside the Slack step's start-to-close
 *     timeout
 */
@Validated
@ConfigurationProperties("leads.slack")
public record SlackProperties(
    @NotNull @DefaultValue("auto") SlackMode mode,
    @DefaultValue("") String botToken,
    @Pattern(
            regexp = "https?://\\S+/",
            message = "must be an http(s) URL ending in '/', such as https://slack.com/api/")
        @DefaultValue("https://slack.com/api/")
        String apiUrl,
    @Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE) @DefaultValue("#sales-leads")
        String defaultChannel,
    @Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE) @DefaultValue("#lead-review")
        String reviewChannel,
    @DecimalMin(value = "0.01", message = "must be positive, for example 1.0") @DefaultValue("1.0")
        double maxMessagesPerSecond,
    @NotNull
        @DurationMin(seconds = 1, message = "must be at least 1s, for example 10s")
        @DefaultValue("10s")
        Duration timeout) {

  static final String CHANNEL = SlackChannels.PATTERN;
  private static final String CHANNEL_MESSAGE = SlackChannels.EXPECTED;

  /** The defaults, as a worker with no configuration has them. */
  public static SlackProperties defaults() {
    return new SlackProperties(
        SlackMode.AUTO,
        "",
        "https://slack.com/api/",
        "#sales-leads",
        "#lead-review",
        1.0,
        Duration.ofSeconds(10));
  }

  /**
   * The share of {@link #maxMessagesPerSecond()} alerts are paced at: the queues, each worker and
   * its pacer all post at this share of Slack's limit, so that timing jitter between the worker and
   * Slack (tens of milliseconds on a busy machine) does not bring two posts closer than Slack
   * allows. At the full limit a burst of 300 alerts had 3 posts refused with 429; at this share,
   * none.
   */
  public static final double PACE_SHARE_OF_LIMIT = 0.95;

  /** The alerts a second each channel is paced at: Slack's limit less the headroom for jitter. */
  public double pacedMessagesPerSecond() {
    return maxMessagesPerSecond * PACE_SHARE_OF_LIMIT;
  }

  /** The route's channel, or the default channel when the route names none. */
  public String channelFor(Route route) {
    String channel = route == null ? null : route.slackChannel();
    return channel == null || channel.isBlank() ? defaultChannel : channel;
  }

  /** True when alerts are posted to Slack rather than logged. */
  public boolean live() {
    return mode.isLive(botToken);
  }

  @Override
  public String toString() {
    // The record's own toString would print the token.
    return "SlackProperties[mode=%s, botToken=%s, apiUrl=%s, defaultChannel=%s, reviewChannel=%s]"
        .formatted(
            mode,
            botToken == null || botToken.isBlank() ? "<none>" : "<set>",
            apiUrl,
            defaultChannel,
            reviewChannel);
  }
}
