package com.leadprocessor.workflow.enrichment;

/**
 * A visitor's company.
 *
 * @param size an employee-count band such as {@code 51-200}, when known
 * @param source where it came from: {@code email-domain}, {@code ip-firmographics} or {@code
 *     reviewer}
 * @param country the ISO 3166 two-letter code of the company's country, such as {@code DE}, when
 *     known: from firmographics, or from a country-code email domain
 */
public record Company(
    String name, String domain, String size, String industry, String source, String country) {

  /** A company whose country is not known. */
  public Company(String name, String domain, String size, String industry, String source) {
    this(name, domain, size, industry, source, null);
  }
}
