package com.leadprocessor.workflow.claim;

import java.time.Instant;

/**
 * A click on a lead alert's button, as the Slack interactivity endpoint passes it to the lead's
 * workflow. Carries who clicked, never the lead's own data.
 *
 * @param slackUserId the Slack user who clicked, for example {@code U024BE7LH}
 * @param slackUserName that user's display name as Slack sent it, for the alert and the details
 * @param reason why the lead is not a lead ({@link AlertActions#NOT_A_LEAD}); null otherwise
 * @param clickedAt when Slack says the click happened ({@code action_ts})
 */
public record AlertAction(
    String slackUserId, String slackUserName, String reason, Instant clickedAt) {}
