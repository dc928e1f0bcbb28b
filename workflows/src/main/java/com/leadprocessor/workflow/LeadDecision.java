package com.leadprocessor.workflow;

/**
 * A reviewer's decision on record, as the {@code state} query and the current details show it.
 *
 * @param decision {@code RETRY}, {@code SKIP} or {@code DISCARD}
 * @param step the step the lead was in review for
 * @param decidedBy who decided, or null when the signal that carried the decision named nobody
 * @param reason why, as the reviewer wrote it; null when none was given
 * @param via {@code update} or {@code signal}: how the decision reached the lead
 */
public record LeadDecision(
    String decision, LeadStep step, String decidedBy, String reason, String via) {}
