package com.leadprocessor.api.intake;

import com.leadprocessor.api.signature.WebhookSignatureVerifier;
import com.leadprocessor.api.start.LeadStart;
import com.leadprocessor.api.start.LeadStarter;
import com.leadprocessor.observability.LeadLogContext;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.lead.LeadWorkflowIds;
import com.standardwebhooks.Webhook;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/lead-capture}: verify the signature on the raw bytes, then validate, then
 * start the lead's workflow, and answer only once Temporal holds it.
 */
@RestController
class LeadCaptureController {

  static final String PATH = "/webhooks/lead-capture";

  private final BoundedBodyReader bodyReader;
  private final WebhookSignatureVerifier verifier;
  private final LeadEventParser parser;
  private final LeadStarter starter;
  private final Clock clock;

  LeadCaptureController(
      BoundedBodyReader bodyReader,
      WebhookSignatureVerifier verifier,
      LeadEventParser parser,
      LeadStarter starter,
      Clock clock) {
    this.bodyReader = bodyReader;
    this.verifier = verifier;
    this.parser = parser;
    this.starter = starter;
    this.clock = clock;
  }

  @PostMapping(
      path = PATH,
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
  ResponseEntity<LeadAccepted> capture(
      HttpServletRequest request, @RequestHeader HttpHeaders headers) throws IOException {
    Instant receivedAt = clock.instant();
    byte[] body = bodyReader.read(request.getContentLengthLong(), request.getInputStream());
    verifier.verify(headers, body);
    LeadCaptureEvent event = parser.parse(body);
    try (LeadLogContext logContext =
        LeadLogContext.open(
            event.conversationId(), LeadWorkflowIds.forConversation(event.conversationId()))) {
      LeadStart start =
          starter.start(
              new LeadRequest(event, receivedAt, headers.getFirst(Webhook.UNBRANDED_MSG_ID_KEY)));
      return start.duplicate()
          ? ResponseEntity.ok(LeadAccepted.duplicateOf(start.workflowId()))
          : ResponseEntity.accepted().body(LeadAccepted.started(start.workflowId()));
    }
  }
}
