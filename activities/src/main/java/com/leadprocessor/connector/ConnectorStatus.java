package com.leadprocessor.connector;

/**
 * Says how an outbound connector runs, for the worker's start-up report: for example {@code
 * Salesforce: DRY RUN (no credentials configured)} or {@code Slack: LIVE at
 * https://slack.com/api/}.
 */
public interface ConnectorStatus {

  /** One line naming the connector, its mode and where it sends; never a secret. */
  String describe();
}
