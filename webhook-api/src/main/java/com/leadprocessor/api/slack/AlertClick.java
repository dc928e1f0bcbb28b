package com.leadprocessor.api.slack;

import com.leadprocessor.workflow.claim.AlertAction;
import java.net.URI;

/**
 * One click on a lead alert's button, read from Slack's {@code block_actions} payload.
 *
 * @param workflowId the lead's workflow, from the actions block's id
 * @param updateName the Update the click becomes ({@code claim}, {@code notALead}, {@code
 *     handBack})
 * @param action who clicked, when, and the reason of a Not a lead
 * @param actionId the alert action's id ({@code lead_claim}...)
 * @param actionTs Slack's {@code action_ts} as sent, part of the Update id
 * @param responseUrl where the clicker's ephemeral answer goes
 */
record AlertClick(
    String workflowId,
    String updateName,
    AlertAction action,
    String actionId,
    String actionTs,
    URI responseUrl) {

  /**
   * The Update id: the same click, retried by Slack or replayed past another API instance, is the
   * same Update, which Temporal runs once.
   */
  String updateId() {
    return "slack-click:" + actionTs + ":" + action.slackUserId() + ":" + actionId;
  }
}
