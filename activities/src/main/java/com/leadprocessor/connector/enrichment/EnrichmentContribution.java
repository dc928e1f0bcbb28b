package com.leadprocessor.connector.enrichment;

import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.UserAgentDetails;

/**
 * What one {@link EnrichmentSource} learned; every part may be null.
 *
 * @param unavailableReason why the source has nothing to say, for example {@code not sent}; null
 *     when it contributed
 */
public record EnrichmentContribution(
    Company company,
    UserAgentDetails userAgent,
    String transcriptExcerpt,
    String unavailableReason) {

  public static EnrichmentContribution of(Company company) {
    return new EnrichmentContribution(company, null, null, null);
  }

  public static EnrichmentContribution of(UserAgentDetails userAgent) {
    return new EnrichmentContribution(null, userAgent, null, null);
  }

  public static EnrichmentContribution transcript(String excerpt) {
    return new EnrichmentContribution(null, null, excerpt, null);
  }

  /**
   * Nothing to say and nothing worth reporting, as from a source that is switched off: it is not
   * listed in {@link Enrichment#unavailable()}.
   */
  public static EnrichmentContribution none() {
    return new EnrichmentContribution(null, null, null, null);
  }

  public static EnrichmentContribution unavailable(String reason) {
    return new EnrichmentContribution(null, null, null, reason);
  }
}
