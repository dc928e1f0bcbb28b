package com.leadprocessor.enrichment;

import com.leadprocessor.activities.MaskedEmail;
import io.temporal.spring.boot.ActivityImpl;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Enriches a lead from every {@link EnrichmentSource}, each best effort. */
@Component
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class LeadEnrichmentActivitiesImpl implements LeadEnrichmentActivities {

  private static final Logger log = LoggerFactory.getLogger(LeadEnrichmentActivitiesImpl.class);

  private final List<EnrichmentSource> sources;

  /**
   * @param sources every source, in {@code @Order}; the first to name a company wins
   */
  public LeadEnrichmentActivitiesImpl(List<EnrichmentSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public Enrichment enrich(EnrichmentInput input) {
    Company company = null;
    UserAgentDetails userAgent = null;
    String transcriptExcerpt = null;
    List<String> unavailable = new ArrayList<>();
    for (EnrichmentSource source : sources) {
      EnrichmentContribution contribution = contributionOf(source, input);
      if (contribution.unavailableReason() != null) {
        unavailable.add(source.name() + ": " + contribution.unavailableReason());
      }
      company = company != null ? company : contribution.company();
      userAgent = userAgent != null ? userAgent : contribution.userAgent();
      transcriptExcerpt =
          transcriptExcerpt != null ? transcriptExcerpt : contribution.transcriptExcerpt();
    }
    log.info(
        "Lead enriched: conversation={} company={} unavailable={}",
        input.event().conversationId(),
        company == null ? null : company.name(),
        unavailable);
    return new Enrichment(company, userAgent, transcriptExcerpt, unavailable);
  }

  private static EnrichmentContribution contributionOf(
      EnrichmentSource source, EnrichmentInput input) {
    try {
      EnrichmentContribution contribution = source.enrich(input);
      return contribution == null
          ? EnrichmentContribution.unavailable("returned nothing")
          : contribution;
    } catch (RuntimeException e) {
      // Best effort by design: one failing source must not cost the lead the others.
      log.warn(
          "Enrichment source '{}' failed for conversation {}: {}",
          source.name(),
          input.event().conversationId(),
          MaskedEmail.in(e.toString()));
      return EnrichmentContribution.unavailable("failed: " + e.getMessage());
    }
  }
}
