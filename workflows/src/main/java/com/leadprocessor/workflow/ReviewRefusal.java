package com.leadprocessor.workflow;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a review Update's validator refused a decision. A refused Update leaves nothing in the lead's
 * history; the caller receives an {@code ApplicationFailure} whose type names the refusal's
 * exception class (the SDK types a validator's failure by the class thrown), which {@link
 * #ofFailureType} reads back.
 *
 * <p>Every refusal's message is a text {@link ReviewValidator} writes from the lead's id, status,
 * the decision's name and fixed rule descriptions, never from a corrected value or the reviewer's
 * name: these messages quote no personal data, so the worker leaves them readable outside the
 * payload codec ({@link #failureTypes}), for a reviewer in the Web UI or the CLI.
 */
public enum ReviewRefusal {
  /** The lead is not waiting for a review decision. */
  NOT_IN_REVIEW(NotInReview.class),
  /** Another decision on the same review case was accepted first. */
  ALREADY_DECIDED(AlreadyDecided.class),
  /** A corrected value fails the rules its step applies (email syntax, Slack channel format). */
  INVALID_CORRECTION(InvalidCorrection.class);

  private final Class<? extends RuntimeException> exception;

  ReviewRefusal(Class<? extends RuntimeException> exception) {
    this.exception = exception;
  }

  /** The {@code ApplicationFailure} type a caller of the Update receives for this refusal. */
  public String failureType() {
    return exception.getName();
  }

  /** The failure types of every refusal, whose messages may leave the worker unsealed. */
  public static Set<String> failureTypes() {
    return Arrays.stream(values())
        .map(ReviewRefusal::failureType)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The refusal an Update failure's type names, or empty when it is not a refusal of ours. */
  public static Optional<ReviewRefusal> ofFailureType(String type) {
    return Arrays.stream(values()).filter(r -> r.failureType().equals(type)).findFirst();
  }

  RuntimeException exception(String message) {
    return switch (this) {
      case NOT_IN_REVIEW -> new NotInReview(message);
      case ALREADY_DECIDED -> new AlreadyDecided(message);
      case INVALID_CORRECTION -> new InvalidCorrection(message);
    };
  }

  /** Thrown by a validator when the lead is not in review. */
  public static final class NotInReview extends RuntimeException {
    NotInReview(String message) {
      super(message);
    }
  }

  /** Thrown by a validator when a decision on the case was already accepted. */
  public static final class AlreadyDecided extends RuntimeException {
    AlreadyDecided(String message) {
      super(message);
    }
  }

  /** Thrown by a validator when a corrected value fails its step's rules. */
  public static final class InvalidCorrection extends RuntimeException {
    InvalidCorrection(String message) {
      super(message);
    }
  }
}
