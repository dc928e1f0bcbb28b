package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadStatus;
import java.time.Instant;

/**
 * One lead: its execution from describe, its state from the {@code state} query and its current
 * details as the Temporal UI shows them.
 *
 * @param execution the Temporal execution status, for example {@code RUNNING}
 * @param searchAttributeStatus the {@code LeadStatus} search attribute, used when the query cannot
 *     be answered
 * @param searchAttributeFailedStep the {@code LeadFailedStep} search attribute
 * @param searchAttributeRoute the {@code LeadRoute} search attribute
 * @param state the answer of the {@code state} query; null when no worker could answer it
 * @param stateError why {@code state} is null
 * @param currentDetails the workflow's current details (Markdown); null when not readable
 */
public record LeadView(
    String workflowId,
    String runId,
    String execution,
    Instant startTime,
    Instant closeTime,
    String summary,
    String searchAttributeStatus,
    String searchAttributeFailedStep,
    String searchAttributeRoute,
    LeadState state,
    String stateError,
    String currentDetails) {

  /** The lead's status: the workflow's own answer, else the search attribute. */
  public LeadStatus status() {
    if (state != null && state.status() != null) {
      return state.status();
    }
    try {
      return searchAttributeStatus == null ? null : LeadStatus.valueOf(searchAttributeStatus);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
