package com.leadprocessor.connector.verification;

import java.util.Set;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** Domains of free email providers: an address there names no company. */
@Component
public class FreeEmailDomains {

  private final Set<String> domains;

  public FreeEmailDomains(ResourceLoader resourceLoader, VerificationProperties properties) {
    this.domains =
        ReferenceListFile.load(
            resourceLoader,
            properties.freeDomainsFile(),
            "leads.verification.free-domains-file",
            AsciiDomain::of);
  }

  /**
   * Whether the domain is a free provider's. Only exact matches count: a company may well run mail
   * on a subdomain of a name that is also listed.
   *
   * @param domain an ASCII, lower-case domain
   */
  public boolean contains(String domain) {
    return domains.contains(domain);
  }

  public int size() {
    return domains.size();
  }
}
