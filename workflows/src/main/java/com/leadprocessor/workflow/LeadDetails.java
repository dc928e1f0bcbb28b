package com.leadprocessor.workflow;

import com.leadprocessor.workflow.claim.ClaimView;

/**
 * The workflow's current details as the Temporal UI shows them: a short Markdown card of where the
 * lead is and, in review, what failed and how to resolve it; once alerted, who has it.
 */
final class LeadDetails {

  private LeadDetails() {}

  static String render(
      LeadState state, String outcomeReason, LeadReview.Case review, LeadDelays.Delay delay) {
    return render(state, outcomeReason, review, delay, null);
  }

  static String render(
      LeadState state,
      String outcomeReason,
      LeadReview.Case review,
      LeadDelays.Delay delay,
      LeadClaim.Progress claim) {
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
    if (state.claim() != null) {
      renderClaim(md, state.claim(), claim);
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

  private static void renderClaim(StringBuilder md, ClaimView claim, LeadClaim.Progress progress) {
    md.append("\n**Alerted:** ").append(claim.alertedAt()).append('\n');
    if (claim.ownerSlackUserId() != null) {
      md.append("\n**Claimed by:** <@").append(claim.ownerSlackUserId()).append('>');
      if (claim.ownerName() != null) {
        md.append(" (").append(claim.ownerName()).append(')');
      }
      md.append(" at ")
          .append(claim.claimedAt())
          .append(", ")
          .append(claim.secondsToClaim())
          .append(" s after the alert")
          .append(claim.escalated() ? " and its escalation" : "")
          .append('\n');
      if (claim.salesforceOwnerId() != null) {
        md.append("\n**Salesforce owner:** ").append(claim.salesforceOwnerId()).append('\n');
      }
      if (claim.ownerNote() != null) {
        md.append("\n**Owner note:** ").append(claim.ownerNote()).append('\n');
      }
    } else if (claim.escalated()) {
      md.append("\n**Escalated:** nobody claimed the lead by its claim deadline\n");
    }
    if (claim.notALeadReason() != null) {
      md.append("\n**Not a lead:** ").append(claim.notALeadReason()).append('\n');
    }
    if (progress == null) {
      return;
    }
    if (progress.escalatesAt() != null) {
      md.append("\n**Escalates at:** ").append(progress.escalatesAt()).append('\n');
    }
    if (progress.unclaimedAt() != null) {
      md.append("\n**Unclaimed at:** ").append(progress.unclaimedAt()).append('\n');
    }
    if (progress.handBackUntil() != null) {
      md.append("\n**Hand back until:** ").append(progress.handBackUntil()).append('\n');
    }
    if (progress.escalation() != null) {
      md.append("\n**Escalation:** ").append(progress.escalation()).append('\n');
    }
    if (progress.handedBack() != null) {
      md.append("\n**Handed back:** by ").append(progress.handedBack()).append('\n');
    }
    if (progress.alertProblem() != null) {
      md.append("\n**Alert:** ").append(progress.alertProblem()).append('\n');
    }
  }
}
