package com.leadprocessor.workflow.salesforce;

/**
 * The Lead as recorded in the CRM.
 *
 * @param url where a person opens it, for the Slack alert
 * @param created false when an existing Lead was updated
 */
public record CrmLead(String id, String url, boolean created) {}
