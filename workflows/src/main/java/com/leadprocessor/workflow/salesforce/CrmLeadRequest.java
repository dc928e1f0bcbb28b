package com.leadprocessor.workflow.salesforce;

import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.routing.Route;

/**
 * Everything the CRM record carries.
 *
 * @param email the verified, normalised email
 */
public record CrmLeadRequest(
    LeadCaptureEvent event, String email, Route route, Enrichment enrichment) {}
