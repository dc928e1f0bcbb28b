package com.leadprocessor.connector.slack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.leadprocessor.workflow.slack.SlackMessage;

/**
 * What an attempt at posting a lead alert knew for certain when it ended, kept as the activity's
 * heartbeat details so that the next attempt learns it from Temporal instead of from the channel's
 * history.
 *
 * <p>An attempt records only a certainty, and only when it fails: that Slack refused its post, or
 * the message an earlier attempt's look-up found. The attempt that posts and succeeds records
 * nothing (a completed activity is never run again), so a lead's alert costs no heartbeat, which is
 * a call to the server and a write of the lead's state there. An attempt that may have posted (no
 * answer, a crash, HTTP 5xx) cannot record anything certain, and leaves no record: the next attempt
 * finds the last record made by an earlier attempt than the one just before it, or none, and reads
 * history once.
 *
 * @param attempt the attempt (1 for the first) that recorded this; null in details recorded by
 *     workers before this field, which the next attempt cannot trust to be the last word
 * @param posted the message found in the channel; a retry returns it and posts nothing
 */
// Details recorded by earlier workers also carry "mayHavePosted"; they read as a record whose
// attempt is unknown, so the next attempt looks in the channel once.
@JsonIgnoreProperties(ignoreUnknown = true)
record AlertAttempt(Integer attempt, SlackMessage posted) {

  /** Attempt {@code attempt} sent no post that Slack may have stored. */
  static AlertAttempt notPosted(int attempt) {
    return new AlertAttempt(attempt, null);
  }

  /** Attempt {@code attempt} found the alert in the channel. */
  static AlertAttempt posted(int attempt, SlackMessage message) {
    return new AlertAttempt(attempt, message);
  }

  /**
   * Whether attempt {@code current} must look in the channel before posting: an earlier attempt of
   * this activity may have posted, because the attempt just before it left no word.
   */
  static boolean earlierMayHavePosted(AlertAttempt recorded, int current) {
    if (current <= 1) {
      return false;
    }
    return recorded == null || recorded.attempt() == null || recorded.attempt() != current - 1;
  }
}
