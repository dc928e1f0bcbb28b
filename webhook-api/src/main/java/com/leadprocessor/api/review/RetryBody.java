package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadCorrection;
import com.leadprocessor.workflow.RetryRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /leads/{workflowId}/retry}. Blank values count as absent; the others are
 * checked as sent and stripped when they become the workflow's {@link RetryRequest}.
 *
 * @param reason why the reviewer retries; optional
 * @param correction corrected input for the failed step; optional
 */
record RetryBody(
    @Size(max = ReviewText.MAX_REASON_LENGTH, message = ReviewText.TOO_LONG) String reason,
    @Valid Correction correction) {

  RetryBody {
    reason = ReviewText.absentIfBlank(reason);
  }

  /**
   * The workflow's {@link RetryRequest}, decided by {@code reviewer}; a {@code retry} without a
   * body reruns the failed step as it was.
   */
  static RetryRequest toRequest(RetryBody body, String reviewer) {
    return body == null
        ? new RetryRequest(null, null, reviewer)
        : new RetryRequest(
            ReviewText.stripped(body.reason),
            body.correction == null ? null : body.correction.toCorrection(),
            reviewer);
  }

  /**
   * Corrections sent with {@code retry}; see {@link LeadCorrection}. The patterns allow the
   * whitespace around a value that stripping removes, and are possessive, so a long value costs
   * linear time.
   */
  record Correction(
      @Size(max = ReviewText.MAX_FIELD_LENGTH, message = ReviewText.TOO_LONG)
          @Pattern(
              regexp =
                  "\\p{javaWhitespace}*+[^\\p{javaWhitespace}@]*+@"
                      + "[^\\p{javaWhitespace}]*+\\p{javaWhitespace}*+",
              message = "must be an email address such as name@example.com.")
          String capturedEmail,
      @Size(max = ReviewText.MAX_FIELD_LENGTH, message = ReviewText.TOO_LONG) String company,
      @Size(max = ReviewText.MAX_FIELD_LENGTH, message = ReviewText.TOO_LONG)
          @Pattern(
              regexp = "\\p{javaWhitespace}*+[^\\p{javaWhitespace}]++\\p{javaWhitespace}*+",
              message = "must be a channel name such as #dev-sales or a channel id.")
          String slackChannel,
      @Size(max = ReviewText.MAX_FIELD_LENGTH, message = ReviewText.TOO_LONG)
          String salesforceOwnerId) {

    Correction {
      capturedEmail = ReviewText.absentIfBlank(capturedEmail);
      company = ReviewText.absentIfBlank(company);
      slackChannel = ReviewText.absentIfBlank(slackChannel);
      salesforceOwnerId = ReviewText.absentIfBlank(salesforceOwnerId);
    }

    LeadCorrection toCorrection() {
      return new LeadCorrection(
          ReviewText.stripped(capturedEmail),
          ReviewText.stripped(company),
          ReviewText.stripped(slackChannel),
          ReviewText.stripped(salesforceOwnerId));
    }
  }
}
