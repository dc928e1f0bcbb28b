package com.leadprocessor.workflow.slack;

import java.util.regex.Pattern;

/**
 * The channel formats a lead alert may go to: a lowercase channel name with its {@code #}, or a
 * public or private channel id. The worker's configuration and a reviewer's correction are checked
 * against the same pattern, so a correction the workflow accepts is one the Slack step can use.
 */
public final class SlackChannels {

  /** A channel name such as {@code #sales-leads} or a channel id such as {@code C0123456789}. */
  public static final String PATTERN = "#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{8,}";

  /** How a refusal names the expected format. */
  public static final String EXPECTED =
      "must be a channel name such as #sales-leads or a channel id such as C0123456789";

  private static final Pattern CHANNEL = Pattern.compile(PATTERN);

  private SlackChannels() {}

  /** Whether {@code channel} is in one of the accepted formats. */
  public static boolean isValid(String channel) {
    return channel != null && CHANNEL.matcher(channel).matches();
  }
}
