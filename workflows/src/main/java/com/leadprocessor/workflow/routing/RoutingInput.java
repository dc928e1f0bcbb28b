package com.leadprocessor.workflow.routing;

import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.verification.VerificationResult;

/**
 * What routing rules can look at: the event, what verification learned of the email and, for leads
 * enriched before routing, what enrichment learned of the company.
 *
 * @param enrichment null for leads routed before enrichment (histories before {@code
 *     enrich-before-route})
 */
public record RoutingInput(
    LeadCaptureEvent event, VerificationResult verification, Enrichment enrichment) {

  /** Input for a lead routed before it was enriched. */
  public RoutingInput(LeadCaptureEvent event, VerificationResult verification) {
    this(event, verification, null);
  }
}
