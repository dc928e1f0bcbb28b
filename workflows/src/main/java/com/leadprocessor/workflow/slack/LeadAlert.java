package com.leadprocessor.workflow.slack;

import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.salesforce.CrmLead;
import java.time.Instant;

/**
 * Everything a lead alert shows.
 *
 * @param workflowId the lead's workflow, for a link to it in the Temporal UI
 * @param crmLead the CRM record to link to; null when a reviewer skipped the CRM step
 * @param earlierRunsSince when the Slack step first ran for this lead, if this run follows a
 *     reviewer's retry: an earlier run may have posted the alert since then and lost the answer.
 *     Null on the first run.
 */
public record LeadAlert(
    String workflowId,
    LeadCaptureEvent event,
    String email,
    Route route,
    Enrichment enrichment,
    CrmLead crmLead,
    Instant earlierRunsSince) {}
