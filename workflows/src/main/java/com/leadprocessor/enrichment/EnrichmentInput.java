package com.leadprocessor.enrichment;

import com.leadprocessor.lead.LeadCaptureEvent;
import com.leadprocessor.verification.VerificationResult;

/** The event to enrich and what verification learned of its email. */
public record EnrichmentInput(LeadCaptureEvent event, VerificationResult verification) {}
