package com.leadprocessor.workflow;

/**
 * The workflow's current details as the Temporal UI shows them: a short Markdown card of where the
 * lead is and, in review, what failed and how to resolve it.
 */
final class LeadDetails {

  private LeadDetails() {}

  static String render(
      LeadState state, String outcomeReason, LeadReview.Case review, LeadDelays.Delay delay) {
    StringBuilder md = new StringBuilder();
    md.append("**Status:** ").append(state.status());
    if (state.currentStep() != null && review == null) {
      md.append(" (step ").append(state.currentStep()).append(')');
    }
    md.append('\n');
    if (review != null) {
      md.append("\n**Failed step:** ")
          .append(review.step())
          .append("\n\n**Error:** ")
          .append(review.failure().describe())
          .append("\n\n**What to do:** ")
          .append(review.failure().type().resolution())
          .append("\n\nDecide with an Update: `")
          .append(LeadWorkflow.UPDATE_RETRY)
          .append("` (optional input `{\"reason\": \"...\", \"decidedBy\": \"your name\", ")
          .append("\"correction\": {\"capturedEmail\": \"...\", \"company\": \"...\", ")
          .append("\"slackChannel\": \"#...\", \"salesforceOwnerId\": \"...\"}}`), `")
          .append(LeadWorkflow.UPDATE_SKIP)
          .append("` (continue without this step) or `")
          .append(LeadWorkflow.UPDATE_DISCARD)
          .append("` (end the lead), each with optional ")
          .append("`{\"reason\": \"...\", \"decidedBy\": \"your name\"}`. ")
          .append("The signals `retry`, `skip` and `discard` take the same input.\n");
    }
    if (delay != null && review == null) {
      md.append("\n**Delayed step:** ")
          .append(delay.step())
          .append(" keeps retrying until ")
          .append(delay.until())
          .append("; the lead goes to review only if it still fails then.")
          .append("\n\n**Last error:** ")
          .append(delay.failure().describe())
          .append('\n');
    }
    if (state.notice() != null) {
      md.append("\n**Notice:** ").append(state.notice()).append('\n');
    }
    if (outcomeReason != null) {
      md.append("\n**Reason:** ").append(outcomeReason).append('\n');
    }
    if (state.route() != null) {
      md.append("\n**Route:** ").append(state.route());
      if (state.slackChannel() != null) {
        md.append(" → ").append(state.slackChannel());
      }
      md.append('\n');
      if (state.routeExplanation() != null) {
        md.append("\n**Why:** ").append(state.routeExplanation()).append('\n');
      }
    }
    if (state.crmLeadId() != null) {
      md.append("\n**Salesforce Lead:** ")
          .append(state.crmLeadUrl() == null ? state.crmLeadId() : state.crmLeadUrl())
          .append('\n');
    }
    if (state.slackMessageTs() != null) {
      md.append("\n**Slack alert:** ts ").append(state.slackMessageTs()).append('\n');
    }
    if (review == null && state.lastError() != null) {
      md.append("\n**Last review:** ").append(state.lastError()).append('\n');
    }
    LeadDecision decision = state.lastDecision();
    if (review == null && decision != null) {
      md.append("\n**Decision:** ")
          .append(decision.decision())
          .append(" on ")
          .append(decision.step())
          .append(" by ")
          .append(decision.decidedBy() == null ? "an unnamed reviewer" : decision.decidedBy())
          .append(" (")
          .append(decision.via())
          .append(')');
      if (decision.reason() != null) {
        md.append(": ").append(decision.reason());
      }
      md.append('\n');
    }
    return md.toString();
  }
}
