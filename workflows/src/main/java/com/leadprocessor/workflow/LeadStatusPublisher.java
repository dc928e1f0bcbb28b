package com.leadprocessor.workflow;

import com.leadprocessor.workflow.routing.Route;
import io.temporal.workflow.Workflow;
import java.util.Set;

/**
 * Decides when a lead's search attributes change, and upserts them; from workflow code only.
 *
 * <p>Every upsert is a write to Temporal's visibility store, so a lead publishes only what an
 * engineer filtering in the Temporal UI can act on: the webhook API sets {@code RECEIVED} when it
 * starts the lead; the local steps (verify, route, enrich) end within one workflow task and are not
 * published (the {@code state} query and the current details show them); the route goes with the
 * status of the first step that waits on another service, in one upsert; review, the claim phase's
 * statuses and the final status are always published.
 */
final class LeadStatusPublisher {

  /** The steps that wait on another service, long enough for their status to be worth a write. */
  private static final Set<LeadStep> PUBLISHED_STEPS = Set.of(LeadStep.SALESFORCE, LeadStep.SLACK);

  private String unpublishedRoute;
  private LeadStatus claimStatus;

  /** Remembers the route; it is published with the next published status. */
  void routed(Route route) {
    unpublishedRoute = route.rule();
  }

  /** Publishes the status of {@code step} when it waits on another service. */
  void entered(LeadStep step) {
    if (!PUBLISHED_STEPS.contains(step)) {
      return;
    }
    if (unpublishedRoute == null) {
      publishStatus(step.status());
    } else {
      Workflow.upsertTypedSearchAttributes(
          LeadSearchAttributes.LEAD_STATUS.valueSet(step.status().name()),
          LeadSearchAttributes.LEAD_ROUTE.valueSet(unpublishedRoute));
      unpublishedRoute = null;
    }
  }

  /** Publishes that the lead waits for a reviewer because {@code step} failed. */
  void enteredReview(LeadStep step) {
    Workflow.upsertTypedSearchAttributes(
        LeadSearchAttributes.LEAD_STATUS.valueSet(LeadStatus.NEEDS_REVIEW.name()),
        LeadSearchAttributes.LEAD_FAILED_STEP.valueSet(step.name()));
  }

  /**
   * Publishes that the lead is delayed because {@code step} keeps failing, with that step as the
   * failed step, so {@code LeadStatus="DELAYED" AND LeadFailedStep="SALESFORCE"} finds an outage's
   * leads.
   */
  void delayed(LeadStep step) {
    Workflow.upsertTypedSearchAttributes(
        LeadSearchAttributes.LEAD_STATUS.valueSet(LeadStatus.DELAYED.name()),
        LeadSearchAttributes.LEAD_FAILED_STEP.valueSet(step.name()));
  }

  /** The delayed step succeeded: back to the step's own status, without a failed step. */
  void leftDelay(LeadStep step) {
    Workflow.upsertTypedSearchAttributes(
        LeadSearchAttributes.LEAD_STATUS.valueSet(step.status().name()),
        LeadSearchAttributes.LEAD_FAILED_STEP.valueUnset());
  }

  /** Unsets the failed step; the status changes with the next published step. */
  void leftReview() {
    Workflow.upsertTypedSearchAttributes(LeadSearchAttributes.LEAD_FAILED_STEP.valueUnset());
  }

  /**
   * Publishes a status of the claim phase ({@code AWAITING_CLAIM}, {@code ESCALATED}, {@code
   * CLAIMED}), so that {@code LeadStatus="ESCALATED"} lists the leads nobody has claimed in time.
   * Who claimed a lead is not published: a Slack user id is not for visibility.
   */
  void claimPhase(LeadStatus status) {
    claimStatus = status;
    publishStatus(status);
  }

  /** Publishes the lead's final status, unless the claim phase just published the same one. */
  void finished(LeadStatus status) {
    if (status != claimStatus) {
      publishStatus(status);
    }
  }

  private static void publishStatus(LeadStatus status) {
    Workflow.upsertTypedSearchAttributes(LeadSearchAttributes.LEAD_STATUS.valueSet(status.name()));
  }
}
