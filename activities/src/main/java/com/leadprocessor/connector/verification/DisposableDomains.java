package com.leadprocessor.connector.verification;

import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** Domains that hand out throwaway addresses. A subdomain of one is disposable too. */
@Component
public class DisposableDomains {

  private final Set<String> domains;

  public DisposableDomains(ResourceLoader resourceLoader, VerificationProperties properties) {
    this.domains =
        ReferenceListFile.load(
            resourceLoader,
            properties.disposableDomainsFile(),
            "leads.verification.disposable-domains-file",
            AsciiDomain::of);
  }

  /**
   * The listed domain that makes {@code domain} disposable: the domain itself or one of its
   * parents.
   *
   * @param domain an ASCII, lower-case domain
   */
  public Optional<String> listedDomainOf(String domain) {
    String candidate = domain;
    while (candidate.indexOf('.') > 0) {
      if (domains.contains(candidate)) {
        return Optional.of(candidate);
      }
      candidate = candidate.substring(candidate.indexOf('.') + 1);
    }
    return Optional.empty();
  }

  public int size() {
    return domains.size();
  }
}
