package com.leadprocessor.api.review;

import java.time.Instant;

/**
 * A lead as visibility lists it.
 *
 * @param execution the Temporal execution status, for example {@code RUNNING}
 * @param status the {@code LeadStatus} search attribute
 * @param failedStep the {@code LeadFailedStep} search attribute; null when not in review
 * @param route the {@code LeadRoute} search attribute
 * @param summary the workflow's static summary, null if it could not be read
 */
public record LeadListItem(
    String workflowId,
    String runId,
    String execution,
    String status,
    String failedStep,
    String route,
    Instant startTime,
    String summary) {}
