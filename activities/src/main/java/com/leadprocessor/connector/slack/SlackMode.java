package com.leadprocessor.connector.slack;

/** Whether lead alerts are posted to Slack or only logged. */
public enum SlackMode {
  /** Live when a bot token is configured, otherwise dry run. */
  AUTO,
  /** Posts to Slack; start-up fails without a bot token. */
  LIVE,
  /** Logs the message that would be posted. */
  DRY_RUN;

  /** The mode in force for this setting and token. */
  public boolean isLive(String botToken) {
    return this == LIVE || (this == AUTO && botToken != null && !botToken.isBlank());
  }
}
