package com.leadprocessor.observability;

import org.slf4j.MDC;

/**
 * Puts a lead's identifiers in the logging MDC for the lines logged while it is open, so every JSON
 * log line about a lead carries them. The keys match the Temporal SDK's own MDC keys ({@code
 * WorkflowId}, {@code ActivityId}...), so a log search for one workflow finds the API's lines and
 * the worker's alike.
 */
public final class LeadLogContext implements AutoCloseable {

  /** The chatbot's conversation id, the lead's business key. */
  public static final String CONVERSATION_ID = "ConversationId";

  /** The lead's workflow id, the key the Temporal SDK uses for it in activity threads. */
  public static final String WORKFLOW_ID = "WorkflowId";

  private final String previousConversationId;
  private final String previousWorkflowId;
  private final boolean setWorkflowId;

  private LeadLogContext(String conversationId, String workflowId) {
    this.previousConversationId = MDC.get(CONVERSATION_ID);
    this.previousWorkflowId = MDC.get(WORKFLOW_ID);
    this.setWorkflowId = workflowId != null;
    put(CONVERSATION_ID, conversationId);
    if (setWorkflowId) {
      put(WORKFLOW_ID, workflowId);
    }
  }

  /**
   * Opens a context with the conversation id and, when not {@code null}, the workflow id; closing
   * it restores what the MDC held before.
   */
  public static LeadLogContext open(String conversationId, String workflowId) {
    return new LeadLogContext(conversationId, workflowId);
  }

  @Override
  public void close() {
    put(CONVERSATION_ID, previousConversationId);
    if (setWorkflowId) {
      put(WORKFLOW_ID, previousWorkflowId);
    }
  }

  private static void put(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
