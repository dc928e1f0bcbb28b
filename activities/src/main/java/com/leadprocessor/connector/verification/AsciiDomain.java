package com.leadprocessor.connector.verification;

import com.leadprocessor.workflow.verification.EmailSyntax;

/**
 * The one way this module writes a domain name: IDN labels as ASCII ({@code xn--}), lower case, no
 * trailing dot, as {@link EmailSyntax} writes the domain of a captured email. Reference lists and
 * captured emails go through it alike, so they always compare.
 */
final class AsciiDomain {

  private AsciiDomain() {}

  /**
   * Converts a domain to its ASCII form.
   *
   * @throws IllegalArgumentException if it is not a valid internationalised domain name
   */
  static String of(String domain) {
    return EmailSyntax.asciiDomain(domain);
  }
}
