package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.lead.LeadFailureType;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Slack's answers into Temporal failures: retryable for outages and rate limits (waiting at
 * least {@code Retry-After}), non-retryable and typed for what a person must fix. The message names
 * Slack's error code and what to do, because the workflow shows it to the reviewer.
 */
final class SlackFailures {

  private static final Set<String> CHANNEL_ERRORS =
      Set.of("channel_not_found", "not_in_channel", "is_archived");
  private static final Set<String> AUTH_ERRORS =
      Set.of("invalid_auth", "token_revoked", "token_expired", "account_inactive", "not_authed");

  /** {@code chat.update} and {@code chat.getPermalink} of a message that cannot be changed. */
  private static final Set<String> MESSAGE_ERRORS =
      Set.of("message_not_found", "cant_update_message", "edit_window_closed");

  private static final Set<String> RATE_LIMIT_ERRORS = Set.of("ratelimited", "rate_limited");
  private static final Set<String> TRANSIENT_ERRORS =
      Set.of(
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "team_added_to_org");

  private SlackFailures() {}

  /**
   * The failure for an {@code ok:false} answer. An answer without an {@code error} (null, or only
   * {@code warning}s) says nothing about the cause, so it is retried like an outage.
   */
  static ApplicationFailure of(String method, String channel, SlackApiTextResponse response) {
    String error = response == null ? null : response.getError();
    if (error == null || error.isBlank()) {
      return retryable(
          "Slack %s to %s answered ok=false without an error%s; retrying."
              .formatted(
                  method,
                  channel,
                  response == null || response.getWarning() == null
                      ? ""
                      : " (warning: " + response.getWarning() + ")"));
    }
    if (RATE_LIMIT_ERRORS.contains(error)) {
      return rateLimited(method, error, retryAfter(response.getHttpResponseHeaders()));
    }
    if (TRANSIENT_ERRORS.contains(error)) {
      return retryable("Slack %s answered '%s'; retrying.".formatted(method, error));
    }
    if (CHANNEL_ERRORS.contains(error)) {
      return permanent(
          LeadFailureType.CONFIGURATION,
          "Slack %s to %s answered '%s': %s".formatted(method, channel, error, channelFix(error)));
    }
    if (AUTH_ERRORS.contains(error)) {
      return permanent(
          LeadFailureType.AUTHENTICATION,
          ("Slack %s answered '%s': the bot token was rejected. Set SLACK_BOT_TOKEN to the app's"
                  + " current xoxb- token and restart the workers, then send 'retry'.")
              .formatted(method, error));
    }
    if ("missing_scope".equals(error)) {
      return permanent(
          LeadFailureType.CONFIGURATION,
          ("Slack %s answered 'missing_scope' (needed: %s): add the scope to the Slack app's bot"
                  + " token scopes, reinstall the app, update SLACK_BOT_TOKEN if it changed, then"
                  + " send 'retry'.")
              .formatted(method, response.getNeeded()));
    }
    if (MESSAGE_ERRORS.contains(error)) {
      return permanent(
          LeadFailureType.UNEXPECTED,
          ("Slack %s of the alert in %s answered '%s': the alert was deleted, or is not this"
                  + " app's message, so it cannot be changed; the lead's state is in the Temporal"
                  + " UI.")
              .formatted(method, channel, error));
    }
    // Anything else (invalid_blocks, msg_too_long, invalid_arguments...) refuses this exact request
    // and would refuse it again: retrying cannot help, a person must look.
    return permanent(
        LeadFailureType.UNEXPECTED,
        "Slack %s to %s answered '%s'; the same request would be refused again. Read Slack's"
                .formatted(method, channel, error)
            + " documentation for this error, fix the cause, then send 'retry' or 'skip'.");
  }

  /**
   * The failure for an {@code ok:true} answer that lacks the channel or timestamp of the message:
   * it may be stored, so the retry looks for it before posting again.
   */
  static ApplicationFailure incomplete(String method, String channel) {
    return retryable(
        "Slack %s to %s answered ok=true without the message's channel and ts; checking for it and"
                .formatted(method, channel)
            + " retrying.");
  }

  /** The failure for a non-200 HTTP answer. */
  static ApplicationFailure of(String method, SlackApiException e) {
    int status = e.getResponse() == null ? 0 : e.getResponse().code();
    String error = e.getError() == null ? null : e.getError().getError();
    if (status == 429) {
      return rateLimited(
          method,
          error == null ? "HTTP 429" : error,
          retryAfter(
              e.getResponse().headers() == null ? null : e.getResponse().headers().toMultimap()));
    }
    if (status >= 500) {
      return retryable("Slack %s answered HTTP %d; retrying.".formatted(method, status));
    }
    return permanent(
        LeadFailureType.CONFIGURATION,
        ("Slack %s answered HTTP %d%s: check SLACK_API_URL (leads.slack.api-url), which must point"
                + " at Slack's Web API such as https://slack.com/api/, then send 'retry'.")
            .formatted(method, status, error == null ? "" : " (" + error + ")"));
  }

  /** The failure for a call that did not get an answer: timeouts, refused connections. */
  static ApplicationFailure of(String method, IOException e) {
    return retryable(
        "Slack %s got no answer (%s: %s); retrying."
            .formatted(method, e.getClass().getSimpleName(), e.getMessage()));
  }

  private static ApplicationFailure rateLimited(String method, String error, Duration retryAfter) {
    ApplicationFailure.Builder failure =
        ApplicationFailure.newBuilder()
            .setType(LeadFailureType.UNAVAILABLE.name())
            .setMessage(
                "Slack %s is rate limited ('%s')%s."
                    .formatted(
                        method,
                        error,
                        retryAfter == null
                            ? "; retrying with backoff"
                            : "; retrying after " + retryAfter.toSeconds() + "s (Retry-After)"));
    if (retryAfter != null) {
      // The next attempt waits at least what Slack asked for, instead of the step's backoff.
      failure.setNextRetryDelay(retryAfter);
    }
    return failure.build();
  }

  private static ApplicationFailure retryable(String message) {
    return ApplicationFailure.newBuilder()
        .setType(LeadFailureType.UNAVAILABLE.name())
        .setMessage(message)
        .build();
  }

  private static ApplicationFailure permanent(LeadFailureType type, String message) {
    return ApplicationFailure.newBuilder()
        .setType(type.name())
        .setMessage(message)
        .setNonRetryable(true)
        .build();
  }

  private static String channelFix(String error) {
    return switch (error) {
      case "not_in_channel" ->
          "the bot is not a member of the channel. Invite it (/invite @<bot> in the channel), then"
              + " send 'retry'.";
      case "is_archived" ->
          "the channel is archived. Unarchive it, or send 'retry' with another slackChannel and"
              + " fix the routing rule.";
      default ->
          "the channel does not exist or the bot cannot see it. Fix the routing rule's"
              + " slack-channel (or leads.slack.default-channel), invite the bot to private"
              + " channels, or send 'retry' with another slackChannel.";
    };
  }

  /** Slack's {@code Retry-After} in whole seconds, when it sent one. */
  static Duration retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if ("retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        try {
          return Duration.ofSeconds(Math.max(1, Long.parseLong(header.getValue().get(0).strip())));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
