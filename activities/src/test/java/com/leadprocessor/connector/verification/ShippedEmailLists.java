package com.leadprocessor.connector.verification;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * The reference lists this module ships, loaded once for all tests, and verifiers built on them.
 */
public final class ShippedEmailLists {

  static final DisposableDomains DISPOSABLE;
  static final FreeEmailDomains FREE;
  static final RoleLocalParts ROLES;

  static {
    DefaultResourceLoader loader = new DefaultResourceLoader();
    VerificationProperties defaults = VerificationProperties.defaults();
    DISPOSABLE = new DisposableDomains(loader, defaults);
    FREE = new FreeEmailDomains(loader, defaults);
    ROLES = new RoleLocalParts(loader, defaults);
  }

  private ShippedEmailLists() {}

  /** A verifier with the default settings except the two flags. */
  public static EmailVerifier verifier(boolean allowReservedDomains, boolean rejectRoleAddresses) {
    VerificationProperties d = VerificationProperties.defaults();
    return new EmailVerifier(
        new VerificationProperties(
            allowReservedDomains,
            rejectRoleAddresses,
            d.disposableDomainsFile(),
            d.freeDomainsFile(),
            d.roleLocalPartsFile()),
        DISPOSABLE,
        FREE,
        ROLES);
  }
}
