package com.leadprocessor.workflow;

import io.temporal.workflow.Workflow;

/** Upserts of the lead's search attributes, from workflow code only. */
final class SearchAttributeUpdates {

  private SearchAttributeUpdates() {}

  static void status(LeadStatus status) {
    Workflow.upsertTypedSearchAttributes(LeadSearchAttributes.LEAD_STATUS.valueSet(status.name()));
  }

  /** The status and, unless null, the route, in one upsert. */
  static void status(LeadStatus status, String routeRule) {
    if (routeRule == null) {
      status(status);
      return;
    }
    Workflow.upsertTypedSearchAttributes(
        LeadSearchAttributes.LEAD_STATUS.valueSet(status.name()),
        LeadSearchAttributes.LEAD_ROUTE.valueSet(routeRule));
  }

  static void route(String rule) {
    Workflow.upsertTypedSearchAttributes(LeadSearchAttributes.LEAD_ROUTE.valueSet(rule));
  }

  static void enterReview(LeadStep step) {
    Workflow.upsertTypedSearchAttributes(
        LeadSearchAttributes.LEAD_STATUS.valueSet(LeadStatus.NEEDS_REVIEW.name()),
        LeadSearchAttributes.LEAD_FAILED_STEP.valueSet(step.name()));
  }

  static void leaveReview() {
    Workflow.upsertTypedSearchAttributes(LeadSearchAttributes.LEAD_FAILED_STEP.valueUnset());
  }
}
