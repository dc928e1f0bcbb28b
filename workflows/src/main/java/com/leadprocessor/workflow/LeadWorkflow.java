package com.leadprocessor.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One lead, from the webhook to sales: verify, route, enrich, create the Salesforce Lead and alert
 * Slack. When a required step fails for good, the lead waits in {@link LeadStatus#NEEDS_REVIEW} for
 * a reviewer's {@code retry}, {@code skip} or {@code discard} instead of failing.
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

  /** The name of the {@link #state} query. */
  String QUERY_STATE = "state";

  @WorkflowMethod(name = WORKFLOW_TYPE)
  LeadOutcome process(LeadRequest request);

  /** Reruns the failed step with a fresh retry budget, optionally with corrected input. */
  @SignalMethod(name = SIGNAL_RETRY)
  void retry(RetryRequest request);

  /** Continues past the failed step without its result. */
  @SignalMethod(name = SIGNAL_SKIP)
  void skip(ReviewNote note);

  /** Ends the lead as {@link LeadStatus#DISCARDED}. */
  @SignalMethod(name = SIGNAL_DISCARD)
  void discard(ReviewNote note);

  @QueryMethod(name = QUERY_STATE)
  LeadState state();
}
