package com.leadprocessor.connector.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.FormBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Coalesces a busy channel's alerts: once an alert has waited behind {@code
 * leads.slack.coalesce-after} others, it opens one summary message in the channel ("new leads are
 * queuing, details in thread") and it and the alerts after it are posted into that summary's
 * thread, each still a message of its own, until an alert arrives that hardly waited ({@link
 * #DRAINED}). Only alerts on a channel's own task queue coalesce: on the shared queue, a wait says
 * how busy all the unpaced channels are together, not this one.
 *
 * <p>The backlog is read from the alert's own wait in the queue (its schedule-to-start time): the
 * queue hands out one alert per interval, so an alert that waited {@code w} seconds had about
 * {@code w * rate} alerts ahead of it. That costs no call to the Temporal server per alert and
 * works on every server, including the in-memory test server; DescribeTaskQueue's backlog count
 * would cost a call per alert and is itself approximate.
 *
 * <p>The open summary is kept in this process: several worker processes (or one restarted mid
 * burst) each open their own summary for the same burst. A summary whose alerts stopped coming
 * (another process took them) is closed after {@link #IDLE}.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
class BusyChannelThreads {

  private static final Logger log = LoggerFactory.getLogger(BusyChannelThreads.class);

  /**
   * An open summary takes alerts until one arrives that had at most this many ahead of it: closing
   * at the opening threshold instead would open a new summary every time the waits, which are not
   * exactly in queue order, dip around it.
   */
  static final long DRAINED = 1;

  /** How long an open summary takes new alerts after its last one. */
  static final Duration IDLE = Duration.ofMinutes(1);

  private final MethodsClient slack;
  private final ChannelPacer pacer;
  private final SlackProperties properties;
  private final int coalesceAfter;
  private final Map<String, Summary> open = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  private record Summary(String ts, long lastUsedNanos) {}

  BusyChannelThreads(
      MethodsClient slack,
      ChannelPacer pacer,
      SlackProperties properties,
      SlackPacingProperties pacing) {
    this.slack = slack;
    this.pacer = pacer;
    this.properties = properties;
    this.coalesceAfter = pacing.coalesceAfter();
  }

  /**
   * The thread an alert to {@code channel} that waited {@code waited} in its queue goes into: the
   * ts of the channel's open summary, opening one when the channel just became busy; null to post
   * it in the channel. Never fails: when the summary cannot be posted, the alert goes to the
   * channel.
   */
  String threadFor(String channel, Duration waited) throws InterruptedException {
    if (coalesceAfter <= 0) {
      return null;
    }
    long waitedAhead = Math.round(waited.toMillis() / 1000.0 * properties.maxMessagesPerSecond());
    // One decision per channel at a time: alerts that start together must find the summary the
    // first of them is posting, not open one each.
    synchronized (locks.computeIfAbsent(channel, key -> new Object())) {
      return decide(channel, waitedAhead);
    }
  }

  private String decide(String channel, long waitedAhead) throws InterruptedException {
    long now = System.nanoTime();
    Summary summary = open.get(channel);
    if (summary != null && now - summary.lastUsedNanos() > IDLE.toNanos()) {
      open.remove(channel, summary);
      summary = null;
    }
    if (summary != null && waitedAhead <= DRAINED) {
      // The backlog has drained: this alert and the next go to the channel again.
      open.remove(channel, summary);
      return null;
    }
    if (summary == null && waitedAhead < coalesceAfter) {
      return null;
    }
    if (summary == null) {
      String ts = postSummary(channel, waitedAhead);
      if (ts == null) {
        return null;
      }
      summary = new Summary(ts, now);
    }
    open.put(channel, new Summary(summary.ts(), now));
    return summary.ts();
  }

  private String postSummary(String channel, long waitedAhead) throws InterruptedException {
    ChatPostMessageRequest request =
        ChatPostMessageRequest.builder()
            .channel(channel)
            .text(
                ":hourglass_flowing_sand: New leads are arriving faster than Slack lets us post"
                    + " them here, so they follow in this thread, one message each (about %d were"
                        .formatted(waitedAhead)
                    + " waiting).")
            .unfurlLinks(false)
            .build();
    FormBody.Builder form = RequestFormBuilder.toForm(request);
    try {
      PostMessageAnswer answer =
          pacer.paced(channel, () -> PostMessageAnswer.post(slack, properties.botToken(), form));
      if (answer != null && answer.isOk() && answer.getTs() != null) {
        log.info(
            "Channel {} is busy (about {} alerts waited ahead): its next alerts go into the thread"
                + " of summary {}",
            channel,
            waitedAhead,
            answer.getTs());
        return answer.getTs();
      }
      log.warn(
          "Could not post the busy-channel summary to {} ({}); posting its alerts in the channel",
          channel,
          answer == null ? "no answer" : answer.getError());
    } catch (IOException | SlackApiException e) {
      log.warn(
          "Could not post the busy-channel summary to {} ({}); posting its alerts in the channel",
          channel,
          e.getClass().getSimpleName());
    }
    return null;
  }
}
