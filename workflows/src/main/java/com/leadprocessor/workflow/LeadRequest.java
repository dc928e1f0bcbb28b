package com.leadprocessor.workflow;

import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import java.time.Instant;

/**
 * The input of {@link LeadWorkflow}.
 *
 * @param event the validated lead-capture event
 * @param receivedAt when the webhook API received the event, for time-to-alert figures
 * @param deliveryId the sender's delivery id ({@code webhook-id}), when it sent one
 */
public record LeadRequest(LeadCaptureEvent event, Instant receivedAt, String deliveryId) {}
