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
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Posts lead alerts with {@code chat.postMessage}. Runs on the Slack task queue, whose rate limit
 * paces alerts durably. A retry first looks for the alert an earlier attempt may have posted, so a
 * timeout never makes a second alert.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
@ActivityImpl(taskQueues = "${leads.slack.task-queue}")
public class LiveSlackAlertActivities implements SlackAlertActivities, ConnectorStatus {

  private static final Logger log = LoggerFactory.getLogger(LiveSlackAlertActivities.class);

  private final MethodsClient slack;
  private final LeadAlertMessage message;
  private final PostedAlertLookup postedAlerts;
  private final ChannelPacer pacer;
  private final SlackProperties properties;

  LiveSlackAlertActivities(
      MethodsClient slack,
      LeadAlertMessage message,
      PostedAlertLookup postedAlerts,
      ChannelPacer pacer,
      SlackProperties properties) {
    this.slack = slack;
    this.message = message;
    this.postedAlerts = postedAlerts;
    this.pacer = pacer;
    this.properties = properties;
  }

  @Override
  public SlackMessage postLeadAlert(LeadAlert alert) {
    String channel = properties.channelFor(alert.route());
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    // A previous attempt, or a run before a reviewer's retry, may have posted and lost the answer;
    // its post came after this activity (or that first run) was scheduled.
    Instant scheduled = Instant.ofEpochMilli(info.getScheduledTimestamp());
    Instant earlierRunsSince = alert.earlierRunsSince();
    if (info.getAttempt() > 1 || earlierRunsSince != null) {
      Instant since =
          earlierRunsSince != null && earlierRunsSince.isBefore(scheduled)
              ? earlierRunsSince
              : scheduled;
      Optional<SlackMessage> earlier = postedAlerts.find(channel, alert.workflowId(), since);
      if (earlier.isPresent()) {
        log.info(
            "Lead alert for {} was already posted to {} (ts {}) by an earlier attempt; not posting"
                + " again",
            alert.workflowId(),
            channel,
            earlier.get().ts());
        return earlier.get();
      }
    }
    ChatPostMessageRequest request = message.build(alert, channel);
    PostMessageAnswer response = post(channel, request);
    if (!response.isOk()) {
      throw SlackFailures.of("chat.postMessage", channel, response);
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

  private PostMessageAnswer post(String channel, ChatPostMessageRequest request) {
    try {
      // slack.chatPostMessage(request) as the SDK sends it (RequestFormBuilder.toForm), with an
      // answer class of the fields read here: PostMessageAnswer says why.
      return pacer.paced(
          channel,
          () ->
              slack.postFormWithTokenAndParseResponse(
                  form -> RequestFormBuilder.toForm(request),
                  "chat.postMessage",
                  properties.botToken(),
                  PostMessageAnswer.class));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure(
          "Interrupted while waiting for the Slack channel's pace; retrying", "UNAVAILABLE");
    } catch (SlackApiException e) {
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
