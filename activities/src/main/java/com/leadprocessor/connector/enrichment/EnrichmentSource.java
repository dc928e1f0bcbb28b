package com.leadprocessor.connector.enrichment;

import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;

/**
 * One source of enrichment, such as the email domain or the user agent. Sources are independent:
 * one that fails or has nothing to say is listed in {@link Enrichment#unavailable()}, and the
 * others still contribute. Further sources (IP firmographics, the transcript) are further beans of
 * this type; their {@code @Order} decides which company wins when several name one.
 */
public interface EnrichmentSource {

  /** A short name for {@link Enrichment#unavailable()} entries, such as {@code user agent}. */
  String name();

  /**
   * What this source learns of the lead. May throw; the failure is then reported as this source
   * being unavailable.
   */
  EnrichmentContribution enrich(EnrichmentInput input);
}
