package com.leadprocessor.workflow;

/** A reviewer's decision on a lead in review, as one of the three signals delivered it. */
record ReviewDecision(Kind kind, String reason, LeadCorrection correction) {

  enum Kind {
    RETRY,
    SKIP,
    DISCARD
  }

  static ReviewDecision retry(RetryRequest request) {
    return request == null
        ? new ReviewDecision(Kind.RETRY, null, null)
        : new ReviewDecision(Kind.RETRY, request.reason(), request.correction());
  }

  static ReviewDecision skip(ReviewNote note) {
    return new ReviewDecision(Kind.SKIP, note == null ? null : note.reason(), null);
  }

  static ReviewDecision discard(ReviewNote note) {
    return new ReviewDecision(Kind.DISCARD, note == null ? null : note.reason(), null);
  }
}
