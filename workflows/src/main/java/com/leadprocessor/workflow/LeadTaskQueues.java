package com.leadprocessor.workflow;

/**
 * The default task queue of {@link LeadWorkflow} and its activities, used when {@code
 * leads.task-queue} ({@code LEADS_TASK_QUEUE}) is not set. The YAML and Compose defaults restate it
 * and a test checks that they agree.
 */
public final class LeadTaskQueues {

  /** The task queue leads run on unless {@code leads.task-queue} names another. */
  public static final String DEFAULT = "leads";

  private LeadTaskQueues() {}
}
