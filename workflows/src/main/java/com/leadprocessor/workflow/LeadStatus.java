package com.leadprocessor.workflow;

/** Where a lead is, as the {@code LeadStatus} search attribute shows it in the Temporal UI. */
public enum LeadStatus {
  RECEIVED,
  VERIFYING,
  ROUTING,
  ENRICHING,
  CREATING_CRM_LEAD,
  ALERTING,
  COMPLETED,
  REJECTED,
  NEEDS_REVIEW,
  DISCARDED
}
