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

  @WorkflowMethod(name = "LeadWorkflow")
  LeadOutcome process(LeadRequest request);

  /** Reruns the failed step with a fresh retry budget, optionally with corrected input. */
  @SignalMethod(name = "retry")
  void retry(RetryRequest request);

  /** Continues past the failed step without its result. */
  @SignalMethod(name = "skip")
  void skip(ReviewNote note);

  /** Ends the lead as {@link LeadStatus#DISCARDED}. */
  @SignalMethod(name = "discard")
  void discard(ReviewNote note);

  @QueryMethod(name = "state")
  LeadState state();
}
