package com.leadprocessor.e2e.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;

/**
 * One lead as the chatbot sends it: the signed event body and the Standard Webhooks message id a
 * redelivery reuses.
 */
public record TestLead(String conversationId, String messageId, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A lead asking about the API from the enterprise pricing page, as in docs/architecture.md. */
  public static TestLead apiQuestion(String conversationId) {
    return of(
        conversationId,
        "Does your API support batch processing for over 1 million records?",
        "/pricing/enterprise");
  }

  /** A lead with its own question and source page. */
  public static TestLead of(String conversationId, String question, String sourceUrl) {
    return of(conversationId, question, sourceUrl, "lead." + conversationId + "@example.com");
  }

  /** A lead with its own question, source page and email address. */
  public static TestLead of(
      String conversationId, String question, String sourceUrl, String capturedEmail) {
    return of(
        conversationId,
        question,
        sourceUrl,
        capturedEmail,
        "203.0.113.1",
        "https://api.chatbot.com/transcripts/" + conversationId);
  }

  /** A lead with its own personal data: question, email, IP address and transcript URL. */
  public static TestLead of(
      String conversationId,
      String question,
      String sourceUrl,
      String capturedEmail,
      String ipAddress,
      String transcriptUrl) {
    ObjectNode event = JSON.createObjectNode();
    event.put("event", "lead_capture_fallback");
    event.put("timestamp", "2023-10-27T10:00:00Z");
    event.put("visitor_id", "anon-" + conversationId);
    event.put("conversation_id", conversationId);
    event.put("captured_email", capturedEmail);
    event.put("trigger_query", question);
    event.put("conversation_transcript_url", transcriptUrl);
    ObjectNode metadata = event.putObject("metadata");
    metadata.put("source_url", sourceUrl);
    metadata.put("ip_address", ipAddress);
    metadata.put("user_agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/118.0");
    return new TestLead(conversationId, SignedWebhookClient.newMessageId(), event.toString());
  }

  /** The workflow id the API derives from the conversation id. */
  public String workflowId() {
    return LeadWorkflowIds.forConversation(conversationId);
  }
}
