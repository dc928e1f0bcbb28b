package com.leadprocessor.connector.slack;

import com.leadprocessor.connector.ConnectorStatus;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.FormBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Posts lead alerts with {@code chat.postMessage}. Runs on its channel's own task queue, whose rate
 * limit paces the channel durably (the worker polls one per configured channel, see {@link
 * PacedChannels}), or on the shared Slack queue; leads whose Slack step began before per-channel
 * queues run it on the lead's own task queue. A busy channel's alerts go into a summary's thread
 * ({@link BusyChannelThreads}). An attempt that fails records in its heartbeat details what it
 * knows for certain ({@link AlertAttempt}): that Slack refused its post, so the retry posts without
 * reading the channel's history; an attempt that may have posted records nothing, and the retry
 * reads history once (see docs/slack.md, "One alert per lead"). A post that succeeds records
 * nothing, so an alert costs no heartbeat.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
@ActivityImpl(taskQueues = {"${leads.slack.task-queue}", "${leads.task-queue}"})
public class LiveSlackAlertActivities implements SlackAlertActivities, ConnectorStatus {

  private static final Logger log = LoggerFactory.getLogger(LiveSlackAlertActivities.class);

  private final MethodsClient slack;
  private final LeadAlertMessage message;
  private final PostedAlertLookup postedAlerts;
  private final ChannelPacer pacer;
  private final SlackProperties properties;
  private final PacedChannels pacedChannels;
  private final BusyChannelThreads busyChannels;

  LiveSlackAlertActivities(
      MethodsClient slack,
      LeadAlertMessage message,
      PostedAlertLookup postedAlerts,
      ChannelPacer pacer,
      SlackProperties properties,
      PacedChannels pacedChannels,
      BusyChannelThreads busyChannels) {
    this.slack = slack;
    this.message = message;
    this.postedAlerts = postedAlerts;
    this.pacer = pacer;
    this.properties = properties;
    this.pacedChannels = pacedChannels;
    this.busyChannels = busyChannels;
  }

  @Override
  public SlackMessage postLeadAlert(LeadAlert alert) {
    long startedNanos = System.nanoTime();
    String channel = properties.channelFor(alert.route());
    ActivityExecutionContext context = Activity.getExecutionContext();
    int attempt = context.getInfo().getAttempt();
    AlertAttempt recorded = context.getHeartbeatDetails(AlertAttempt.class).orElse(null);
    if (recorded != null && recorded.posted() != null) {
      log.info(
          "Lead alert for {} was already posted to {} (ts {}) by an earlier attempt; not posting"
              + " again",
          alert.workflowId(),
          channel,
          recorded.posted().ts());
      return recorded.posted();
    }
    // After a reviewer's retry, the first attempt of the new run knows nothing of the earlier run's
    // attempts, so it looks once; later attempts of this run go by what this run recorded.
    boolean earlierRunMayHavePosted = alert.earlierRunsSince() != null && recorded == null;
    boolean mayHavePosted =
        AlertAttempt.earlierMayHavePosted(recorded, attempt) || earlierRunMayHavePosted;
    if (mayHavePosted) {
      Optional<SlackMessage> found = lookUpEarlierPost(alert, channel, context.getInfo());
      if (found.isPresent()) {
        context.heartbeat(AlertAttempt.posted(attempt, found.get()));
        return found.get();
      }
    }
    ChatPostMessageRequest request = message.build(alert, channel);
    request.setThreadTs(mayHavePosted ? null : busyThread(channel, context.getInfo()));
    PostMessageAnswer response =
        post(context, attempt, channel, request, sendBefore(startedNanos, context.getInfo()));
    if (response == null || !response.isOk()) {
      context.heartbeat(AlertAttempt.notPosted(attempt));
      throw SlackFailures.of("chat.postMessage", channel, response);
    }
    if (response.getTs() == null || response.getChannel() == null) {
      // Slack stored the message but the answer does not say where: a retry must look, not post.
      throw SlackFailures.incomplete("chat.postMessage", channel);
    }
    postedAlerts.remember(channel, response.getChannel());
    log.info(
        "Posted lead alert for {} to {} ({}), ts {}",
        alert.workflowId(),
        channel,
        response.getChannel(),
        response.getTs());
    return new SlackMessage(response.getChannel(), response.getTs());
  }

  /**
   * The busy-channel summary thread this alert goes into, or null for the channel. Only alerts on a
   * channel's own queue coalesce, and only a first post: a retry after a post that may have been
   * stored goes where a look-up can find it.
   */
  private String busyThread(String channel, ActivityInfo info) {
    if (!pacedChannels.isChannelQueue(info.getActivityTaskQueue())) {
      return null;
    }
    Duration waited =
        Duration.ofMillis(
            Math.max(0, System.currentTimeMillis() - info.getCurrentAttemptScheduledTimestamp()));
    try {
      return busyChannels.threadFor(channel, waited);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure(
          "Interrupted while waiting for the Slack channel's pace; retrying", "UNAVAILABLE");
    }
  }

  /**
   * Looks once for the alert an earlier attempt or run may have posted. Only an attempt that may
   * have posted (no answer, or an HTTP 5xx after sending) or a run after a reviewer's retry gets
   * here, so history is not read on every retry of a burst.
   */
  private Optional<SlackMessage> lookUpEarlierPost(
      LeadAlert alert, String channel, ActivityInfo info) {
    // The post came after this activity (or the first run) was scheduled.
    Instant scheduled = Instant.ofEpochMilli(info.getScheduledTimestamp());
    Instant earlierRunsSince = alert.earlierRunsSince();
    Instant since =
        earlierRunsSince != null && earlierRunsSince.isBefore(scheduled)
            ? earlierRunsSince
            : scheduled;
    Optional<SlackMessage> found = postedAlerts.find(channel, alert.workflowId(), since);
    found.ifPresent(
        message ->
            log.info(
                "Lead alert for {} was already posted to {} (ts {}) by an earlier attempt; not"
                    + " posting again",
                alert.workflowId(),
                channel,
                message.ts()));
    return found;
  }

  /**
   * The latest moment, in {@link System#nanoTime()}, at which this attempt may still send its post:
   * Slack's answer must be able to arrive before the attempt's start-to-close timeout. An attempt
   * that waited in the channel's queue past it would post after Temporal gave up on it and a retry
   * had started, which is how a burst made duplicates.
   */
  private long sendBefore(long startedNanos, ActivityInfo info) {
    Duration startToClose = info.getStartToCloseTimeout();
    if (startToClose == null || startToClose.isZero()) {
      return Long.MAX_VALUE;
    }
    Duration answerTime = properties.timeout();
    Duration half = startToClose.dividedBy(2);
    Duration guard = answerTime.compareTo(half) < 0 ? answerTime : half;
    return startedNanos + startToClose.minus(guard).toNanos();
  }

  private PostMessageAnswer post(
      ActivityExecutionContext context,
      int attempt,
      String channel,
      ChatPostMessageRequest request,
      long sendBeforeNanos) {
    // The form, the Block Kit JSON, is built before the turn to post: on the first alert of a
    // process that takes long enough to make the post reach Slack noticeably later than the pacer
    // counts it sent.
    FormBody.Builder form = RequestFormBuilder.toForm(request);
    try {
      return pacer.paced(
          channel,
          sendBeforeNanos,
          () -> PostMessageAnswer.post(slack, properties.botToken(), form));
    } catch (ChannelPacer.TurnTooLate e) {
      // Said while this attempt is alive: its retry posts without reading the channel's history.
      context.heartbeat(AlertAttempt.notPosted(attempt));
      throw ApplicationFailure.newFailure(
          "Waited too long for %s's turn to post within this attempt; retrying".formatted(channel),
          "UNAVAILABLE");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure(
          "Interrupted while waiting for the Slack channel's pace; retrying", "UNAVAILABLE");
    } catch (SlackApiException e) {
      if (e.getResponse().code() < 500) {
        // 4xx and 429: Slack refused the request, nothing was stored.
        context.heartbeat(AlertAttempt.notPosted(attempt));
      }
      throw SlackFailures.of("chat.postMessage", e);
    } catch (IOException e) {
      throw SlackFailures.of("chat.postMessage", e);
    }
  }

  @Override
  public String describe() {
    return "Slack: LIVE at %s (alerts paced to %s/s, default channel %s, review channel %s)"
        .formatted(
            properties.apiUrl(),
            properties.maxMessagesPerSecond(),
            properties.defaultChannel(),
            properties.reviewChannel());
  }
}
