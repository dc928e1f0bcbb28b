package com.leadprocessor.workflow.enrichment;

import java.util.List;

/**
 * What enrichment learned of a lead. Every part may be null.
 *
 * @param company the visitor's company, from firmographics or a non-free email domain
 * @param userAgent the visitor's browser, operating system and device
 * @param transcriptExcerpt a bounded excerpt of the conversation transcript
 * @param unavailable the sources that failed or were skipped, each with the reason
 */
public record Enrichment(
    Company company,
    UserAgentDetails userAgent,
    String transcriptExcerpt,
    List<String> unavailable) {

  public Enrichment {
    unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
  }

  /** No enrichment at all, for example when the enrichment step failed after its retries. */
  public static Enrichment none(String reason) {
    return new Enrichment(null, null, null, List.of(reason));
  }

  /** The same enrichment with the company name a reviewer gave. */
  public Enrichment withCompanyName(String name) {
    Company corrected =
        company == null
            ? new Company(name, null, null, null, "reviewer")
            : new Company(
                name,
                company.domain(),
                company.size(),
                company.industry(),
                "reviewer",
                company.country());
    return new Enrichment(corrected, userAgent, transcriptExcerpt, unavailable);
  }
}
