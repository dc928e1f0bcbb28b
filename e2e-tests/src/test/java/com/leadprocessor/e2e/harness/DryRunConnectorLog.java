package com.leadprocessor.e2e.harness;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what the workers' dry-run connectors would have sent, per conversation id, from their
 * logs: each {@code Salesforce DRY RUN, would send} upsert and each {@code Slack DRY RUN, would
 * POST} alert is one call the live connector would have made.
 */
public final class DryRunConnectorLog {

  private static final Pattern SALESFORCE_UPSERT =
      Pattern.compile(
          "Salesforce DRY RUN, would send:\\R\\S+ \\S*/Chatbot_Conversation_Id__c/([^\\s/]+)");

  /**
   * The alert's metadata names the lead's conversation; the match stays within one log entry (it
   * stops at the next line that starts with a timestamp).
   */
  private static final Pattern SLACK_ALERT =
      Pattern.compile(
          "Slack DRY RUN, would POST \\S+:\\R(?:(?!\\R\\d{4}-\\d\\d-\\d\\dT)[\\s\\S])*?"
              + "\"conversation_id\" ?: ?\"([^\"]+)\"");

  private DryRunConnectorLog() {}

  /** Salesforce upserts per conversation id. */
  public static Map<String, Integer> salesforceUpserts(String logs) {
    return count(SALESFORCE_UPSERT, logs);
  }

  /** Slack alerts per conversation id. */
  public static Map<String, Integer> slackAlerts(String logs) {
    return count(SLACK_ALERT, logs);
  }

  private static Map<String, Integer> count(Pattern pattern, String logs) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher matcher = pattern.matcher(logs);
    while (matcher.find()) {
      counts.merge(matcher.group(1), 1, Integer::sum);
    }
    return counts;
  }
}
