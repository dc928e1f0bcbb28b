package com.leadprocessor.workflow.routing;

import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.verification.VerificationResult;

/** What routing rules can look at: the event and what verification learned of the email. */
public record RoutingInput(LeadCaptureEvent event, VerificationResult verification) {}
