package com.leadprocessor.workflow;

/** The steps of {@link LeadWorkflow}, in order, each with the status a lead has while in it. */
public enum LeadStep {
  VERIFY(LeadStatus.VERIFYING),
  ROUTE(LeadStatus.ROUTING),
  ENRICH(LeadStatus.ENRICHING),
  SALESFORCE(LeadStatus.CREATING_CRM_LEAD),
  SLACK(LeadStatus.ALERTING);

  private final LeadStatus status;

  LeadStep(LeadStatus status) {
    this.status = status;
  }

  /** The status a lead has while this step runs. */
  public LeadStatus status() {
    return status;
  }
}
