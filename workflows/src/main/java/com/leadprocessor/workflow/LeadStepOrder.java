package com.leadprocessor.workflow;

import io.temporal.workflow.Workflow;

/**
 * The order of routing and enrichment. Leads enrich first, so that routing rules can test the
 * company's size, industry and country; leads whose history routed first keep that order, because
 * their recorded commands are in it.
 */
final class LeadStepOrder {

  /**
   * The change that enriches a lead before routing it (version 1); {@code DEFAULT_VERSION} routes
   * first, as the baseline histories do.
   */
  static final String ENRICH_BEFORE_ROUTE = "enrich-before-route";

  /** Runs both steps in this lead's order; the version is taken once, before either runs. */
  void routeAndEnrich(Runnable route, Runnable enrich) {
    int version = Workflow.getVersion(ENRICH_BEFORE_ROUTE, Workflow.DEFAULT_VERSION, 1);
    if (version == Workflow.DEFAULT_VERSION) {
      route.run();
      enrich.run();
    } else {
      enrich.run();
      route.run();
    }
  }
}
