package com.leadprocessor.connector.enrichment;

import com.google.common.net.InternetDomainName;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import com.leadprocessor.workflow.verification.VerificationResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The company named by a business email domain: {@code jane@mail.acme-corp.co.uk} works at "Acme
 * Corp", {@code acme-corp.co.uk}, in the United Kingdom (a country-code domain names the company's
 * country). A free mail address names no company.
 */
@Component
@Order(200)
public class EmailDomainCompanySource implements EnrichmentSource {

  static final String SOURCE = "email-domain";

  @Override
  public String name() {
    return "company";
  }

  @Override
  public EnrichmentContribution enrich(EnrichmentInput input) {
    VerificationResult verification = input.verification();
    if (verification == null || !verification.accepted() || verification.emailDomain() == null) {
      return EnrichmentContribution.unavailable("no verified email domain");
    }
    if (verification.freeEmailProvider()) {
      return EnrichmentContribution.unavailable(
          "free email provider " + verification.emailDomain() + " names no company");
    }
    String domain = registrableDomain(verification.emailDomain());
    return EnrichmentContribution.of(
        new Company(nameOf(domain), domain, null, null, SOURCE, countryOf(domain)));
  }

  /**
   * Country-code top-level domains that companies anywhere use as generic ones ({@code .io}, {@code
   * .ai}, {@code .co}...), which therefore tell nothing of where a company is.
   */
  private static final Set<String> GENERIC_COUNTRY_CODES =
      Set.of(
          "ad", "ai", "as", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "ms", "nu", "sh", "so",
          "st", "tk", "to", "tv", "vc", "ws");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /**
   * The ISO 3166 code of the country a domain's country-code suffix names: {@code acme.co.uk} is
   * {@code GB}, {@code acme.de} is {@code DE}; null for {@code .com}, {@code .io} and the like.
   */
  static String countryOf(String domain) {
    int dot = domain.lastIndexOf('.');
    String tld = domain.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (tld.length() != 2 || GENERIC_COUNTRY_CODES.contains(tld)) {
      return null;
    }
    String code = tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
    return COUNTRIES.contains(code) ? code : null;
  }

  /**
   * The domain a company registered, below its public suffix: {@code mail.acme.co.uk} gives {@code
   * acme.co.uk}. Guava's bundled public suffix list knows the suffixes.
   */
  static String registrableDomain(String domain) {
    try {
      InternetDomainName name = InternetDomainName.from(domain);
      return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : domain;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return domain;
    }
  }

  /** A readable company name from a registrable domain: {@code acme-corp.com} is "Acme Corp". */
  static String nameOf(String registrableDomain) {
    String label = registrableDomain.split("\\.", 2)[0];
    return Arrays.stream(label.split("[-_]+"))
        .filter(word -> !word.isEmpty())
        .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
        .collect(Collectors.joining(" "));
  }
}
