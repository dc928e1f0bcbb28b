package com.leadprocessor.workflow;

/**
 * The input of the {@code reviewSkip} and {@code reviewDiscard} Updates and of the {@code skip} and
 * {@code discard} signals.
 *
 * @param reason why the reviewer decided so; optional
 * @param decidedBy who decided: the review API's token name, or the name a reviewer gives in the
 *     Temporal UI or CLI
 */
public record ReviewNote(String reason, String decidedBy) {

  /** A note whose reviewer is not named, as histories recorded before {@code decidedBy} carry. */
  public ReviewNote(String reason) {
    this(reason, null);
  }
}
