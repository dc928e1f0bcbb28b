package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.slack.SlackMessage;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Finds a lead alert that an earlier attempt already posted: a post can succeed while its answer is
 * lost to a timeout, and the retry must not post it twice. Reads the channel's recent history
 * ({@code conversations.history}, scopes {@code channels:history} / {@code groups:history}) for a
 * message whose metadata names the workflow. History wants a channel id, so channel names are
 * resolved through {@code conversations.list} ({@code channels:read} / {@code groups:read}) unless
 * this process already posted to them. When Slack does not permit a look-up, it is logged and the
 * alert is posted: a rare duplicate beats a lost alert.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
class PostedAlertLookup {

  private static final Logger log = LoggerFactory.getLogger(PostedAlertLookup.class);

  /** Clock skew between this worker and Slack, and time between scheduling and posting. */
  static final Duration MARGIN = Duration.ofMinutes(2);

  private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{8,}");
  private static final int PAGE = 200;
  private static final int MAX_PAGES = 5;

  private final MethodsClient slack;
  private final Map<String, String> channelIds = new ConcurrentHashMap<>();

  PostedAlertLookup(MethodsClient slack) {
    this.slack = slack;
  }

  /** Remembers the id Slack answered for a channel name, sparing a look-up on retries. */
  void remember(String channel, String channelId) {
    if (channel != null && channelId != null) {
      channelIds.put(normalized(channel), channelId);
    }
  }

  /**
   * The alert for this workflow posted to the channel since {@code since} (less a margin), if any.
   * Throws Slack's rate limit as a retryable failure; other refusals mean "not found".
   */
  Optional<SlackMessage> find(String channel, String workflowId, Instant since) {
    try {
      String channelId = channelId(channel);
      if (channelId == null) {
        log.warn(
            "Cannot check {} for an earlier alert of {}: channel not found by conversations.list;"
                + " posting",
            channel,
            workflowId);
        return Optional.empty();
      }
      String oldest = "%d.000000".formatted(since.minus(MARGIN).getEpochSecond());
      String cursor = null;
      for (int page = 0; page < MAX_PAGES; page++) {
        String pageCursor = cursor;
        ConversationsHistoryResponse history =
            slack.conversationsHistory(
                request ->
                    request
                        .channel(channelId)
                        .oldest(oldest)
                        .limit(PAGE)
                        .includeAllMetadata(true)
                        .cursor(pageCursor));
        if (!history.isOk()) {
          log.warn(
              "Cannot check {} for an earlier alert of {}: conversations.history answered '{}'{};"
                  + " posting (add the channels:history and groups:history scopes to avoid"
                  + " duplicates after timeouts)",
              channel,
              workflowId,
              history.getError(),
              history.getNeeded() == null ? "" : " (needed: " + history.getNeeded() + ")");
          return Optional.empty();
        }
        Optional<SlackMessage> found =
            history.getMessages().stream()
                .filter(message -> isAlertOf(message, workflowId))
                .findFirst()
                .map(message -> new SlackMessage(channelId, message.getTs()));
        if (found.isPresent() || !history.isHasMore()) {
          return found;
        }
        cursor = history.getResponseMetadata().getNextCursor();
      }
      return Optional.empty();
    } catch (SlackApiException e) {
      if (e.getResponse().code() == 429) {
        throw SlackFailures.of("conversations.history", e);
      }
      log.warn(
          "Cannot check {} for an earlier alert of {}: HTTP {}; posting",
          channel,
          workflowId,
          e.getResponse().code());
      return Optional.empty();
    } catch (IOException e) {
      // Without an answer we cannot tell either way; posting now could duplicate, so retry.
      throw SlackFailures.of("conversations.history", e);
    }
  }

  private static boolean isAlertOf(Message message, String workflowId) {
    Message.Metadata metadata = message.getMetadata();
    return metadata != null
        && LeadAlertMessage.METADATA_EVENT_TYPE.equals(metadata.getEventType())
        && metadata.getEventPayload() != null
        && workflowId.equals(metadata.getEventPayload().get(LeadAlertMessage.METADATA_WORKFLOW_ID));
  }

  private String channelId(String channel) throws IOException, SlackApiException {
    if (CHANNEL_ID.matcher(channel).matches()) {
      return channel;
    }
    String name = normalized(channel);
    String known = channelIds.get(name);
    if (known != null) {
      return known;
    }
    String cursor = null;
    for (int page = 0; page < MAX_PAGES * 2; page++) {
      String pageCursor = cursor;
      ConversationsListResponse list =
          slack.conversationsList(
              request ->
                  request
                      .types(
                          List.of(
                              ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                      .excludeArchived(true)
                      .limit(1000)
                      .cursor(pageCursor));
      if (!list.isOk()) {
        log.warn(
            "conversations.list answered '{}'{}: add the channels:read and groups:read scopes, or"
                + " route to channel ids, so retries can check for an earlier alert",
            list.getError(),
            list.getNeeded() == null ? "" : " (needed: " + list.getNeeded() + ")");
        return null;
      }
      for (Conversation conversation : list.getChannels()) {
        channelIds.put(conversation.getName(), conversation.getId());
      }
      if (channelIds.containsKey(name)) {
        return channelIds.get(name);
      }
      cursor =
          list.getResponseMetadata() == null ? null : list.getResponseMetadata().getNextCursor();
      if (cursor == null || cursor.isEmpty()) {
        return null;
      }
    }
    return null;
  }

  private static String normalized(String channel) {
    return channel.startsWith("#") ? channel.substring(1) : channel;
  }
}
