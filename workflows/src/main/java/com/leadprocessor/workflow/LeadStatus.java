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
  /** The alert is posted and the lead waits for a salesperson to claim it. */
  AWAITING_CLAIM,
  /** The claim deadline passed and the lead was escalated; it still waits for a claim. */
  ESCALATED,
  /** A salesperson claimed the lead (they may still hand it back for a while). */
  CLAIMED,
  /** A salesperson marked the lead as not a lead, with a reason. */
  NOT_A_LEAD,
  /** Nobody claimed the lead before the route's final deadline. */
  UNCLAIMED,
  COMPLETED,
  REJECTED,
  NEEDS_REVIEW,
  DISCARDED
}
