package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadDecision;
import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadStatus;
import java.time.Instant;

/**
 * One lead as {@code GET /leads/{workflowId}} shows it. The lead fields come from the workflow's
 * {@code state} query ({@code stateSource = "query"}); when no worker can answer it, status, failed
 * step and route come from the search attributes ({@code "search-attributes"}) and {@code
 * stateError} says why.
 *
 * @param execution the Temporal execution status, for example {@code RUNNING} or {@code COMPLETED}
 * @param lastDecision the last review decision, with who took it and why
 * @param notice the last review signal the lead could not take
 * @param currentDetails the Markdown card the Temporal UI shows: what failed and what to do
 */
record LeadResponse(
    String workflowId,
    String runId,
    String execution,
    Instant startTime,
    Instant closeTime,
    String summary,
    String status,
    String currentStep,
    String failedStep,
    String lastError,
    String route,
    String crmLeadId,
    String crmLeadUrl,
    String slackChannel,
    String slackMessageTs,
    LeadDecision lastDecision,
    String notice,
    String currentDetails,
    String stateSource,
    String stateError) {

  static LeadResponse of(LeadView lead) {
    LeadState state = lead.state();
    LeadStatus status = lead.status();
    if (state == null) {
      return new LeadResponse(
          lead.workflowId(),
          lead.runId(),
          lead.execution(),
          lead.startTime(),
          lead.closeTime(),
          lead.summary(),
          status == null ? lead.searchAttributeStatus() : status.name(),
          null,
          lead.searchAttributeFailedStep(),
          null,
          lead.searchAttributeRoute(),
          null,
          null,
          null,
          null,
          null,
          null,
          lead.currentDetails(),
          "search-attributes",
          lead.stateError());
    }
    return new LeadResponse(
        lead.workflowId(),
        lead.runId(),
        lead.execution(),
        lead.startTime(),
        lead.closeTime(),
        lead.summary(),
        name(state.status()),
        name(state.currentStep()),
        name(state.failedStep()),
        state.lastError(),
        state.route(),
        state.crmLeadId(),
        state.crmLeadUrl(),
        state.slackChannel(),
        state.slackMessageTs(),
        state.lastDecision(),
        state.notice(),
        lead.currentDetails(),
        "query",
        null);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
