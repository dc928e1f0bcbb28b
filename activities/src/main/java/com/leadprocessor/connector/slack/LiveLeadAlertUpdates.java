package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.slack.AlertEscalation;
import com.leadprocessor.workflow.slack.AlertUpdate;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.spring.boot.ActivityImpl;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Keeps a posted alert current with {@code chat.update}, addressed by the channel id and ts the
 * post returned (no history read), and escalates an unclaimed lead once. Runs on the workflow's
 * task queue, not the paced alert queue: an update rewrites a message and must not wait behind a
 * burst of new alerts. Slack's answers fail the activity as posting does ({@link SlackFailures}):
 * rate limits retry after {@code Retry-After}, a rejected token or a message that is gone do not
 * retry.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class LiveLeadAlertUpdates implements LeadAlertUpdates {

  private static final Logger log = LoggerFactory.getLogger(LiveLeadAlertUpdates.class);

  private final MethodsClient slack;
  private final LeadAlertMessage message;
  private final SlackProperties properties;

  LiveLeadAlertUpdates(MethodsClient slack, LeadAlertMessage message, SlackProperties properties) {
    this.slack = slack;
    this.message = message;
    this.properties = properties;
  }

  @Override
  public void updateLeadAlert(AlertUpdate update) {
    ChatUpdateRequest request =
        message.update(update, properties.channelFor(update.alert().route()));
    String channel = update.message().channel();
    ChatUpdateResponse response = call("chat.update", () -> slack.chatUpdate(request));
    if (response == null || !response.isOk()) {
      throw SlackFailures.of("chat.update", channel, response);
    }
    log.info(
        "Updated lead alert for {} in {} (ts {}) to {}",
        update.alert().workflowId(),
        channel,
        update.message().ts(),
        update.status());
  }

  @Override
  public SlackMessage escalate(AlertEscalation escalation) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Optional<SlackMessage> earlier = context.getHeartbeatDetails(SlackMessage.class);
    if (earlier.isPresent()) {
      // An earlier attempt posted the escalation and then failed: escalate once, not twice.
      return earlier.get();
    }
    ChatPostMessageRequest request = escalationPost(escalation);
    ChatPostMessageResponse response =
        call("chat.postMessage", () -> slack.chatPostMessage(request));
    if (response == null || !response.isOk()) {
      throw SlackFailures.of("chat.postMessage", request.getChannel(), response);
    }
    if (response.getChannel() == null || response.getTs() == null) {
      throw SlackFailures.incomplete("chat.postMessage", request.getChannel());
    }
    SlackMessage posted = new SlackMessage(response.getChannel(), response.getTs());
    context.heartbeat(posted);
    log.info(
        "Escalated lead {} to {} (ts {})",
        escalation.alert().workflowId(),
        EscalationTargets.isMention(escalation.escalateTo())
            ? "a mention in the alert's thread"
            : escalation.escalateTo(),
        posted.ts());
    return posted;
  }

  /**
   * A mention goes into the alert's thread, where the alert is right above it; a channel gets a
   * message linking the alert.
   */
  private ChatPostMessageRequest escalationPost(AlertEscalation escalation) {
    SlackMessage alert = escalation.message();
    String target = escalation.escalateTo();
    if (EscalationTargets.isMention(target)) {
      return ChatPostMessageRequest.builder()
          .channel(alert.channel())
          .threadTs(alert.ts())
          .text(EscalationText.inThread(escalation))
          .unfurlLinks(false)
          .build();
    }
    return ChatPostMessageRequest.builder()
        .channel(target)
        .text(EscalationText.inChannel(escalation, permalink(alert)))
        .unfurlLinks(false)
        .unfurlMedia(false)
        .build();
  }

  private String permalink(SlackMessage alert) {
    ChatGetPermalinkResponse response =
        call(
            "chat.getPermalink",
            () ->
                slack.chatGetPermalink(
                    request -> request.channel(alert.channel()).messageTs(alert.ts())));
    if (response == null || !response.isOk() || response.getPermalink() == null) {
      throw SlackFailures.of("chat.getPermalink", alert.channel(), response);
    }
    return response.getPermalink();
  }

  /** One Web API call. */
  @FunctionalInterface
  private interface Call<T> {
    T send() throws IOException, SlackApiException;
  }

  private static <T> T call(String method, Call<T> call) {
    try {
      return call.send();
    } catch (SlackApiException e) {
      throw SlackFailures.of(method, e);
    } catch (IOException e) {
      throw SlackFailures.of(method, e);
    }
  }
}
