package com.leadprocessor.salesforce;

import com.leadprocessor.enrichment.Enrichment;
import com.leadprocessor.lead.LeadCaptureEvent;
import com.leadprocessor.routing.Route;

/**
 * Everything the CRM record carries.
 *
 * @param email the verified, normalised email
 */
public record CrmLeadRequest(
    LeadCaptureEvent event, String email, Route route, Enrichment enrichment) {}
