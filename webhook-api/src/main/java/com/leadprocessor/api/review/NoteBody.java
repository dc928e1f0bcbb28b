package com.leadprocessor.api.review;

import com.leadprocessor.workflow.ReviewNote;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /leads/{workflowId}/skip} and {@code .../discard}.
 *
 * @param reason why the reviewer decided so; optional, blank counts as absent
 */
record NoteBody(
    @Size(max = ReviewText.MAX_REASON_LENGTH, message = ReviewText.TOO_LONG) String reason) {

  NoteBody {
    reason = ReviewText.absentIfBlank(reason);
  }

  /**
   * The workflow's {@link ReviewNote}, decided by {@code reviewer}; a decision without a body has
   * no reason.
   */
  static ReviewNote toNote(NoteBody body, String reviewer) {
    return new ReviewNote(body == null ? null : ReviewText.stripped(body.reason), reviewer);
  }
}
