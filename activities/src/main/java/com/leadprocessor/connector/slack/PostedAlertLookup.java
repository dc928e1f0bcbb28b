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
 * alert is posted: a rare duplicate beats a lost alert. Asked only when an earlier attempt may have
 * posted without an answer, never on every retry (see {@link AlertAttempt}).
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
   * Never fails: whatever Slack answers (a refusal, a rate limit, no answer, an answer without
   * {@code messages}) that does not show the alert means "not found", and the caller posts. It is
   * only asked when an earlier attempt may have posted, so a rare duplicate is the price of never
   * losing an alert to a history read.
   */
  Optional<SlackMessage> find(String channel, String workflowId, Instant since) {
    try {
      return search(channel, workflowId, since);
    } catch (SlackApiException e) {
      notChecked(
          channel, workflowId, "HTTP " + (e.getResponse() == null ? "?" : e.getResponse().code()));
    } catch (IOException e) {
      notChecked(channel, workflowId, "no answer (" + e.getClass().getSimpleName() + ")");
    } catch (RuntimeException e) {
      // The client library answers some malformed bodies with exceptions of its own.
      notChecked(
          channel, workflowId, "an unreadable answer (" + e.getClass().getSimpleName() + ")");
    }
    return Optional.empty();
  }

  private static void notChecked(String channel, String workflowId, String why) {
    log.warn(
        "Cannot check {} for an earlier alert of {}: conversations.history gave {}; posting (a"
            + " duplicate is possible for this lead only)",
        channel,
        workflowId,
        why);
  }

  private Optional<SlackMessage> search(String channel, String workflowId, Instant since)
      throws IOException, SlackApiException {
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
      if (history == null || !history.isOk() || history.getMessages() == null) {
        notChecked(
            channel,
            workflowId,
            history == null
                ? "no body"
                : "ok=%s, error '%s'%s%s"
                    .formatted(
                        history.isOk(),
                        history.getError(),
                        history.getNeeded() == null ? "" : " (needed: " + history.getNeeded() + ")",
                        history.getMessages() == null ? ", no messages" : ""));
        return Optional.empty();
      }
      Optional<SlackMessage> found =
          history.getMessages().stream()
              .filter(message -> message != null && isAlertOf(message, workflowId))
              .findFirst()
              .map(message -> new SlackMessage(channelId, message.getTs()));
      if (found.isPresent() || !history.isHasMore()) {
        return found;
      }
      cursor =
          history.getResponseMetadata() == null
              ? null
              : history.getResponseMetadata().getNextCursor();
      if (cursor == null || cursor.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
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
      if (list == null || !list.isOk()) {
        log.warn(
            "conversations.list answered '{}'{}: add the channels:read and groups:read scopes, or"
                + " route to channel ids, so retries can check for an earlier alert",
            list == null ? null : list.getError(),
            list == null || list.getNeeded() == null ? "" : " (needed: " + list.getNeeded() + ")");
        return null;
      }
      if (list.getChannels() == null) {
        return null;
      }
      for (Conversation conversation : list.getChannels()) {
        if (conversation != null
            && conversation.getName() != null
            && conversation.getId() != null) {
          channelIds.put(conversation.getName(), conversation.getId());
        }
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
