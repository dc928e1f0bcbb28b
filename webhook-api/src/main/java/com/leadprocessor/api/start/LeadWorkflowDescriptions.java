package com.leadprocessor.api.start;

import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;

/**
 * The static summary and details a lead's workflow shows in the Temporal UI, so an engineer
 * recognises the lead in a list without opening its input.
 */
final class LeadWorkflowDescriptions {

  private static final int SUMMARY_QUESTION_LENGTH = 40;
  private static final int SUMMARY_FIELD_LENGTH = 60;
  private static final int DETAILS_QUESTION_LENGTH = 2_000;
  private static final int DETAILS_FIELD_LENGTH = 300;

  private LeadWorkflowDescriptions() {}

  /** One short line, for example {@code Lead conv-1 · a@example.com · "Does your API…"}. */
  static String summary(LeadCaptureEvent event) {
    return "Lead "
        + shorten(event.conversationId(), SUMMARY_FIELD_LENGTH)
        + " · "
        + shorten(event.capturedEmail(), SUMMARY_FIELD_LENGTH)
        + " · \""
        + shorten(oneLine(event.triggerQuery()), SUMMARY_QUESTION_LENGTH)
        + "\"";
  }

  /** Markdown with the event's essentials. */
  static String details(LeadRequest request) {
    LeadCaptureEvent event = request.event();
    StringBuilder details = new StringBuilder();
    details.append("**Question:** ").append(field(event.triggerQuery(), DETAILS_QUESTION_LENGTH));
    details.append("\n\n**Email:** ").append(field(event.capturedEmail(), DETAILS_FIELD_LENGTH));
    details
        .append("\n\n**Conversation:** ")
        .append(field(event.conversationId(), DETAILS_FIELD_LENGTH));
    if (event.conversationTranscriptUrl() != null) {
      details.append(" ([transcript](").append(linkTarget(event.conversationTranscriptUrl()));
      details.append("))");
    }
    if (event.metadata().sourceUrl() != null) {
      details
          .append("\n\n**Source page:** ")
          .append(field(event.metadata().sourceUrl(), DETAILS_FIELD_LENGTH));
    }
    details.append("\n\n**Captured:** ").append(event.timestamp());
    details.append(" · **received:** ").append(request.receivedAt());
    if (request.deliveryId() != null) {
      details
          .append("\n\n**Delivery:** ")
          .append(field(request.deliveryId(), DETAILS_FIELD_LENGTH));
    }
    return details.toString();
  }

  /** The URL was validated as absolute http(s); parentheses are escaped so the link stays one. */
  private static String linkTarget(String url) {
    return url.replace("(", "%28").replace(")", "%29");
  }

  /** Sender text goes in a code span so that it cannot inject links or images into the UI. */
  private static String field(String value, int maxLength) {
    return "`" + shorten(oneLine(value), maxLength).replace('`', '\'') + "`";
  }

  private static String oneLine(String value) {
    return value.strip().replaceAll("\\s+", " ");
  }

  private static String shorten(String value, int maxLength) {
    if (value.codePointCount(0, value.length()) <= maxLength) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, maxLength - 1)).stripTrailing() + "…";
  }
}
