package com.leadprocessor.workflow;

/** A reviewer's decision on a lead in review, as an Update or a signal delivered it. */
record ReviewDecision(Kind kind, String reason, LeadCorrection correction, String decidedBy) {

  enum Kind {
    RETRY,
    SKIP,
    DISCARD
  }

  static ReviewDecision retry(RetryRequest request) {
    return request == null
        ? new ReviewDecision(Kind.RETRY, null, null, null)
        : new ReviewDecision(
            Kind.RETRY, request.reason(), request.correction(), request.decidedBy());
  }

  static ReviewDecision skip(ReviewNote note) {
    return note == null
        ? new ReviewDecision(Kind.SKIP, null, null, null)
        : new ReviewDecision(Kind.SKIP, note.reason(), null, note.decidedBy());
  }

  static ReviewDecision discard(ReviewNote note) {
    return note == null
        ? new ReviewDecision(Kind.DISCARD, null, null, null)
        : new ReviewDecision(Kind.DISCARD, note.reason(), null, note.decidedBy());
  }

  /** The decision's name as the details and the audit log write it, {@code retry}. */
  String signalName() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
