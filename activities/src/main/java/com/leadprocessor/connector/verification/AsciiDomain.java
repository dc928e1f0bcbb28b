package com.leadprocessor.connector.verification;

import java.net.IDN;
import java.util.Locale;

/**
 * The one way this module writes a domain name: IDN labels as ASCII ({@code xn--}), lower case, no
 * trailing dot. Reference lists and captured emails go through it alike, so they always compare.
 */
final class AsciiDomain {

  private AsciiDomain() {}

  /**
   * Converts a domain to its ASCII form.
   *
   * @throws IllegalArgumentException if it is not a valid internationalised domain name
   */
  static String of(String domain) {
    String trimmed = domain.strip();
    if (trimmed.endsWith(".")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
  }
}
