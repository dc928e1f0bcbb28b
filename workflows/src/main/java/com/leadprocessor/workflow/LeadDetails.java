package com.leadprocessor.workflow;

/**
 * The workflow's current details as the Temporal UI shows them: a short Markdown card of where the
 * lead is and, in review, what failed and how to resolve it.
 */
final class LeadDetails {

  private LeadDetails() {}

  static String render(LeadState state, String outcomeReason, LeadReview.Case review) {
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
          .append("\n\nSend a signal: `retry` (optional input ")
          .append("`{\"reason\": \"...\", \"correction\": {\"capturedEmail\": \"...\", ")
          .append(
              "\"company\": \"...\", \"slackChannel\": \"#...\", \"salesforceOwnerId\": \"...\"}}`), ")
          .append("`skip` (continue without this step) or `discard` (end the lead), ")
          .append("each with optional `{\"reason\": \"...\"}`.\n");
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
    return md.toString();
  }
}
