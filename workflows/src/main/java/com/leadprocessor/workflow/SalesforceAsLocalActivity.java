package com.leadprocessor.workflow;

import io.temporal.workflow.Workflow;

/**
 * Runs the Salesforce upsert as a local activity (change id {@value #CHANGE_ID}): in the worker
 * that runs the workflow task that decides it, recorded as a marker, instead of an activity task
 * scheduled, dispatched and reported through the server. A lead saves one activity task and one
 * workflow task.
 *
 * <p>The upsert is keyed by the conversation id, so running it again is harmless: a local
 * activity's result is persisted only with the workflow task that follows it, and a worker that
 * dies between the call and that completion makes the next worker call Salesforce again. Retries
 * keep the worker's per-step options ({@code leads.steps.salesforce}, registered for local
 * activities too), each backoff waiting on a durable timer (see {@link LeadActivityStubs}), and the
 * step's {@link LeadDelays} reruns are unchanged.
 *
 * <p>Leads whose history reached the Salesforce step before this change keep scheduling it as an
 * ordinary activity: the version is taken the first time a lead reaches the step.
 */
final class SalesforceAsLocalActivity {

  /** The change id of this behaviour; histories in {@code histories/salesforce-local/}. */
  static final String CHANGE_ID = "salesforce-local";

  private static final int LOCAL = 1;

  /** True when this lead runs the Salesforce step as a local activity. */
  boolean local() {
    return Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, LOCAL) == LOCAL;
  }
}
