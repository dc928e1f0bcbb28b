package com.leadprocessor.workflow;

/** Where a lead is, as the {@code LeadStatus} search attribute shows it in the Temporal UI. */
public enum LeadStatus {
  RECEIVED,
  VERIFYING,
  ROUTING,
  ENRICHING,
  CREATING_CRM_LEAD,
  ALERTING,
  /**
   * A step's service is down: its retry policy ran out and it keeps retrying; the lead enters
   * {@link #NEEDS_REVIEW} only when that lasts too long.
   */
  DELAYED,
  COMPLETED,
  REJECTED,
  NEEDS_REVIEW,
  DISCARDED
}
