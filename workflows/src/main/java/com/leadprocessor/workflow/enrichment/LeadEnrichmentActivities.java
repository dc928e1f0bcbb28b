package com.leadprocessor.workflow.enrichment;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Adds context to a lead. Best effort: the workflow continues without it when it fails. */
@ActivityInterface
public interface LeadEnrichmentActivities {

  /** The activity type of {@link #enrich}. */
  String ENRICH_LEAD = "EnrichLead";

  /**
   * Enriches a lead from every configured source. A source that fails is named in {@link
   * Enrichment#unavailable()} while the others still contribute.
   */
  @ActivityMethod(name = ENRICH_LEAD)
  Enrichment enrich(EnrichmentInput input);
}
