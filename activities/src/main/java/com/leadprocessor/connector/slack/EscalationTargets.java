package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.slack.SlackChannels;
import java.util.regex.Pattern;

/**
 * Where an unclaimed lead may be escalated: a channel (the escalation goes there, linking the
 * alert) or a mention of a user group or {@code <!here>} (posted in the alert's own thread). The
 * routing rules are checked against the same patterns at start-up.
 */
public final class EscalationTargets {

  /** A user group mention, such as {@code <!subteam^S0123ABCD>}, or {@code <!here>}. */
  private static final Pattern MENTION =
      Pattern.compile("<!subteam\\^[A-Z0-9]{6,}(\\|[^<>]{1,80})?>|<!here>");

  /** How a refusal names the expected formats. */
  public static final String EXPECTED =
      "expected a channel such as \"#sales-managers\" or C0123456789, a user group mention such"
          + " as \"<!subteam^S0123ABCD>\", or \"<!here>\"";

  private EscalationTargets() {}

  /** Whether the target is a mention to post in the alert's thread, rather than a channel. */
  public static boolean isMention(String target) {
    return target != null && MENTION.matcher(target).matches();
  }

  /** Whether the target is a channel or a mention in an accepted format. */
  public static boolean isValid(String target) {
    return isMention(target) || SlackChannels.isValid(target);
  }
}
