package com.leadprocessor.workflow;

import com.leadprocessor.workflow.claim.AlertAction;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One lead, from the webhook to sales: verify, route, enrich, create the Salesforce Lead and alert
 * Slack. When a required step fails for good, the lead waits in {@link LeadStatus#NEEDS_REVIEW} for
 * a reviewer's {@code retry}, {@code skip} or {@code discard} instead of failing.
 *
 * <p>A reviewer decides with an Update ({@code reviewRetry}, {@code reviewSkip}, {@code
 * reviewDiscard}): its validator refuses a decision the lead cannot take, so a refused one leaves
 * no trace in the history, and the accepted one answers with the lead's new state. The signals of
 * the same decisions stay for Temporal batch operations, which can signal but not update, and for
 * the histories recorded before the Updates; a signal the lead cannot take is shown in its details.
 * Update names differ from the signal names so that the Temporal UI's and the CLI's lists name each
 * handler once.
 */
@WorkflowInterface
public interface LeadWorkflow {

  /**
   * The workflow type, as visibility queries ({@code WorkflowType="LeadWorkflow"}) and the Temporal
   * UI name it.
   */
  String WORKFLOW_TYPE = "LeadWorkflow";

  /** The name of the {@link #retry} signal, as the Temporal UI and the CLI send it. */
  String SIGNAL_RETRY = "retry";

  /** The name of the {@link #skip} signal. */
  String SIGNAL_SKIP = "skip";

  /** The name of the {@link #discard} signal. */
  String SIGNAL_DISCARD = "discard";

  /** The name of the {@link #reviewRetry} Update. */
  String UPDATE_RETRY = "reviewRetry";

  /** The name of the {@link #reviewSkip} Update. */
  String UPDATE_SKIP = "reviewSkip";

  /** The name of the {@link #reviewDiscard} Update. */
  String UPDATE_DISCARD = "reviewDiscard";

  /** The name of the {@link #claim} Update, which the alert's Claim button sends. */
  String UPDATE_CLAIM = "claim";

  /** The name of the {@link #notALead} Update, which the alert's Not a lead menu sends. */
  String UPDATE_NOT_A_LEAD = "notALead";

  /** The name of the {@link #handBack} Update, which the alert's Hand back button sends. */
  String UPDATE_HAND_BACK = "handBack";

  /** The name of the {@link #state} query. */
  String QUERY_STATE = "state";

  @WorkflowMethod(name = WORKFLOW_TYPE)
  LeadOutcome process(LeadRequest request);

  /**
   * Reruns the failed step with a fresh retry budget, optionally with corrected input. Prefer
   * {@link #reviewRetry}; this signal is what a bulk retry (a batch operation) sends.
   */
  @SignalMethod(name = SIGNAL_RETRY)
  void retry(RetryRequest request);

  /** Continues past the failed step without its result. */
  @SignalMethod(name = SIGNAL_SKIP)
  void skip(ReviewNote note);

  /** Ends the lead as {@link LeadStatus#DISCARDED}. */
  @SignalMethod(name = SIGNAL_DISCARD)
  void discard(ReviewNote note);

  /**
   * Reruns the failed step with a fresh retry budget, optionally with corrected input, and answers
   * with the lead's state once the step runs again.
   */
  @UpdateMethod(name = UPDATE_RETRY)
  LeadState reviewRetry(RetryRequest request);

  /** Refuses a retry the lead cannot take; see {@link ReviewRefusal}. */
  @UpdateValidatorMethod(updateName = UPDATE_RETRY)
  void validateReviewRetry(RetryRequest request);

  /** Continues past the failed step without its result; answers with the lead's state. */
  @UpdateMethod(name = UPDATE_SKIP)
  LeadState reviewSkip(ReviewNote note);

  /** Refuses a skip the lead cannot take. */
  @UpdateValidatorMethod(updateName = UPDATE_SKIP)
  void validateReviewSkip(ReviewNote note);

  /** Ends the lead as {@link LeadStatus#DISCARDED}; answers with its final state. */
  @UpdateMethod(name = UPDATE_DISCARD)
  LeadState reviewDiscard(ReviewNote note);

  /** Refuses a discard the lead cannot take. */
  @UpdateValidatorMethod(updateName = UPDATE_DISCARD)
  void validateReviewDiscard(ReviewNote note);

  /**
   * Gives the alerted lead to the salesperson who clicked Claim; the first claim wins. Answers with
   * the lead's state, its owner in {@link LeadState#claim()}.
   */
  @UpdateMethod(name = UPDATE_CLAIM)
  LeadState claim(AlertAction action);

  /**
   * Refuses a claim the lead cannot take, naming the owner when someone claimed it first; see
   * {@link com.leadprocessor.workflow.claim.ClaimRefusal}.
   */
  @UpdateValidatorMethod(updateName = UPDATE_CLAIM)
  void validateClaim(AlertAction action);

  /** Ends the alerted lead as {@link LeadStatus#NOT_A_LEAD} with the action's reason. */
  @UpdateMethod(name = UPDATE_NOT_A_LEAD)
  LeadState notALead(AlertAction action);

  /** Refuses a Not a lead the lead's state does not allow. */
  @UpdateValidatorMethod(updateName = UPDATE_NOT_A_LEAD)
  void validateNotALead(AlertAction action);

  /** Gives a claimed lead back: it waits for a claim again, its deadlines restarted. */
  @UpdateMethod(name = UPDATE_HAND_BACK)
  LeadState handBack(AlertAction action);

  /** Refuses a hand back from anyone but the owner, or of a lead nobody has. */
  @UpdateValidatorMethod(updateName = UPDATE_HAND_BACK)
  void validateHandBack(AlertAction action);

  @QueryMethod(name = QUERY_STATE)
  LeadState state();
}
