package com.leadprocessor.routing;

import com.leadprocessor.lead.LeadCaptureEvent;
import com.leadprocessor.verification.VerificationResult;

/** What routing rules can look at: the event and what verification learned of the email. */
public record RoutingInput(LeadCaptureEvent event, VerificationResult verification) {}
