package com.leadprocessor.connector.review;

import com.leadprocessor.connector.TemporalUiLinks;
import com.leadprocessor.connector.slack.ChannelPacer;
import com.leadprocessor.connector.slack.LeadAlertMessage;
import com.leadprocessor.connector.slack.SlackModeCondition;
import com.leadprocessor.connector.slack.SlackProperties;
import com.leadprocessor.observability.EmailMasking;
import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.review.ReviewAlert;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Announces leads that need review in the review channel ({@code leads.slack.review-channel}): the
 * failed step, the error, what to do and a button to the workflow. Best effort: a failure is
 * logged, never thrown, and when the failed step is Slack itself nothing is posted through Slack,
 * because its token or channel may be the problem; the log notifier still reports it.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
public class SlackReviewNotifier implements ReviewNotifier {

  private static final Logger log = LoggerFactory.getLogger(SlackReviewNotifier.class);

  /** The {@code event_type} of the metadata on review messages. */
  static final String METADATA_EVENT_TYPE = "lead_review";

  private static final int MAX_ERROR = 2500;

  private final MethodsClient slack;
  private final ChannelPacer pacer;
  private final SlackProperties properties;
  private final TemporalUiLinks temporalUi;

  SlackReviewNotifier(
      MethodsClient slack,
      ChannelPacer pacer,
      SlackProperties properties,
      TemporalUiLinks temporalUi) {
    this.slack = slack;
    this.pacer = pacer;
    this.properties = properties;
    this.temporalUi = temporalUi;
  }

  @Override
  public void reviewNeeded(ReviewAlert alert) {
    post(alert, ":warning: *Lead needs review*");
  }

  @Override
  public void reviewPending(ReviewAlert alert) {
    post(
        alert,
        ":hourglass: *Lead still waits for review* (for %s)"
            .formatted(readable(alert.waitingFor())));
  }

  private void post(ReviewAlert alert, String headline) {
    if (alert.failedStep() == LeadStep.SLACK) {
      log.info(
          "Not announcing review of {} in Slack: the failed step is Slack itself",
          alert.workflowId());
      return;
    }
    try {
      ChatPostMessageRequest request = request(alert, headline);
      ChatPostMessageResponse response =
          pacer.paced(properties.reviewChannel(), () -> slack.chatPostMessage(request));
      if (!response.isOk()) {
        log.warn(
            "Could not announce review of {} in {}: Slack answered '{}'{}",
            alert.workflowId(),
            properties.reviewChannel(),
            response.getError(),
            response.getNeeded() == null ? "" : " (needed: " + response.getNeeded() + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn(
          "Could not announce review of {} in {}: {}",
          alert.workflowId(),
          properties.reviewChannel(),
          e.toString());
    }
  }

  private ChatPostMessageRequest request(ReviewAlert alert, String headline) {
    String workflowUrl = temporalUi.workflowUrl(alert.workflowId());
    String error =
        LeadAlertMessage.cut(LeadAlertMessage.escape(EmailMasking.mask(alert.error())), MAX_ERROR);
    String text =
        "%s\nStep *%s* of `%s` (conversation `%s`)\n*Error:* %s\n*What to do:* %s"
            .formatted(
                headline,
                alert.failedStep(),
                LeadAlertMessage.escape(alert.workflowId()),
                LeadAlertMessage.escape(alert.conversationId()),
                error,
                LeadAlertMessage.escape(alert.resolution()));
    List<LayoutBlock> blocks =
        List.of(
            SectionBlock.builder()
                .text(MarkdownTextObject.builder().text(LeadAlertMessage.cut(text, 3000)).build())
                .build(),
            ActionsBlock.builder()
                .elements(
                    List.of(
                        ButtonElement.builder()
                            .actionId("open_workflow")
                            .text(PlainTextObject.builder().text("Open in Temporal UI").build())
                            .url(workflowUrl)
                            .style("primary")
                            .build(),
                        ButtonElement.builder()
                            .actionId("open_review_queue")
                            .text(PlainTextObject.builder().text("Review queue").build())
                            .url(temporalUi.reviewQueueUrl())
                            .build()))
                .build());
    return ChatPostMessageRequest.builder()
        .channel(properties.reviewChannel())
        .text(
            "Lead %s needs review: step %s failed"
                .formatted(alert.workflowId(), alert.failedStep()))
        .blocks(blocks)
        .metadata(
            new Message.Metadata(
                METADATA_EVENT_TYPE,
                Map.of(
                    "workflow_id", alert.workflowId(),
                    "failed_step", String.valueOf(alert.failedStep()))))
        .unfurlLinks(false)
        .build();
  }

  private static String readable(Duration duration) {
    if (duration == null) {
      return "a while";
    }
    long hours = duration.toHours();
    return hours >= 1 ? hours + "h" : Math.max(1, duration.toMinutes()) + "m";
  }
}
