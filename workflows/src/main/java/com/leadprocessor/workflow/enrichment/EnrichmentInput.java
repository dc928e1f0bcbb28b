package com.leadprocessor.workflow.enrichment;

import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.verification.VerificationResult;

/** The event to enrich and what verification learned of its email. */
public record EnrichmentInput(LeadCaptureEvent event, VerificationResult verification) {}
