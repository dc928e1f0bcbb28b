package com.leadprocessor.workflow.claim;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why an alert action's validator refused a click. Like {@link
 * com.leadprocessor.workflow.ReviewRefusal} a refused Update leaves nothing in the history and the
 * caller reads the refusal back from the failure's type. Messages name only the lead's status and
 * the owner's Slack user id (as a {@code <@U...>} mention), never the lead's data, so they may
 * leave the worker unsealed.
 */
public enum ClaimRefusal {
  /** Someone else claimed the lead first; the message names the owner. */
  ALREADY_CLAIMED(AlreadyClaimed.class),
  /** The lead's state does not allow the action (not alerted yet, already closed...). */
  NOT_ALLOWED_NOW(NotAllowedNow.class),
  /** Only the owner may hand a lead back. */
  NOT_THE_OWNER(NotTheOwner.class);

  private final Class<? extends RuntimeException> exception;

  ClaimRefusal(Class<? extends RuntimeException> exception) {
    this.exception = exception;
  }

  /** The {@code ApplicationFailure} type a caller of the Update receives for this refusal. */
  public String failureType() {
    return exception.getName();
  }

  /** The failure types of every refusal, whose messages may leave the worker unsealed. */
  public static Set<String> failureTypes() {
    return Arrays.stream(values())
        .map(ClaimRefusal::failureType)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The refusal an Update failure's type names, or empty when it is not one of these. */
  public static Optional<ClaimRefusal> ofFailureType(String type) {
    return Arrays.stream(values()).filter(r -> r.failureType().equals(type)).findFirst();
  }

  /** The exception a validator throws for this refusal. */
  public RuntimeException exception(String message) {
    return switch (this) {
      case ALREADY_CLAIMED -> new AlreadyClaimed(message);
      case NOT_ALLOWED_NOW -> new NotAllowedNow(message);
      case NOT_THE_OWNER -> new NotTheOwner(message);
    };
  }

  /** Thrown when someone else claimed the lead first. */
  public static final class AlreadyClaimed extends RuntimeException {
    AlreadyClaimed(String message) {
      super(message);
    }
  }

  /** Thrown when the lead's state does not allow the action. */
  public static final class NotAllowedNow extends RuntimeException {
    NotAllowedNow(String message) {
      super(message);
    }
  }

  /** Thrown when someone other than the owner hands a lead back. */
  public static final class NotTheOwner extends RuntimeException {
    NotTheOwner(String message) {
      super(message);
    }
  }
}
