package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.slack.SlackMessage;

/**
 * What one attempt at posting a lead alert knows, kept as the activity's heartbeat details so that
 * the next attempt learns it from Temporal instead of from the channel's history.
 *
 * @param mayHavePosted true from the moment a post was sent until Slack answered whether it was
 *     stored: a retry reads history only when this is true
 * @param posted the message Slack answered with, once it did; a retry returns it and posts nothing
 */
record AlertAttempt(boolean mayHavePosted, SlackMessage posted) {

  static final AlertAttempt NOT_POSTED = new AlertAttempt(false, null);
  static final AlertAttempt POSTING = new AlertAttempt(true, null);

  static AlertAttempt posted(SlackMessage message) {
    return new AlertAttempt(false, message);
  }
}
