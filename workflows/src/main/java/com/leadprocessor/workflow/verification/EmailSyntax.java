package com.leadprocessor.workflow.verification;

import com.sanctionco.jmail.Email;
import com.sanctionco.jmail.EmailValidationResult;
import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.FailureReason;
import com.sanctionco.jmail.JMail;
import java.net.IDN;
import java.util.Locale;

/**
 * The syntax rules a captured email must pass before any list is consulted: valid syntax with a
 * top-level domain, no IP-literal domain, quoted local part or comment, and a domain that can be
 * written in ASCII. Pure and deterministic, so the verification step and the workflow's review
 * validators apply the same rules; the lists (reserved, disposable, role addresses) stay with the
 * verification step.
 */
public final class EmailSyntax {

  private static final EmailValidator SYNTAX =
      JMail.strictValidator()
          .requireTopLevelDomain()
          .disallowIpDomain()
          .disallowSingleCharacterTopLevelDomains()
          .disallowExplicitSourceRouting()
          .disallowQuotedIdentifiers()
          .disallowObsoleteWhitespace();

  /**
   * An email as the syntax rules read it.
   *
   * @param localPart the local part as written; null when refused
   * @param asciiDomain the domain in ASCII, lower case, without a trailing dot; null when refused
   * @param rejection why the email was refused ({@code invalid email syntax: ...}); null when valid
   */
  public record Parsed(String localPart, String asciiDomain, String rejection) {

    public boolean valid() {
      return rejection == null;
    }

    /** The normalised address, {@code localPart@asciiDomain}. */
    public String normalized() {
      return localPart + "@" + asciiDomain;
    }

    static Parsed refused(String reason) {
      return new Parsed(null, null, "invalid email syntax: " + reason);
    }
  }

  private EmailSyntax() {}

  /** Parses {@code email} (stripped of surrounding whitespace) by the syntax rules. */
  public static Parsed parse(String email) {
    if (email == null || email.isBlank()) {
      return Parsed.refused("the address is missing");
    }
    EmailValidationResult syntax = SYNTAX.validate(email.strip());
    if (syntax.isFailure() || syntax.getEmail().isEmpty()) {
      return Parsed.refused(describe(syntax.getFailureReason()));
    }
    Email parsed = syntax.getEmail().get();
    if (parsed.localPart().startsWith("\"")) {
      return Parsed.refused("quoted local parts are not accepted");
    }
    if (!parsed.comments().isEmpty()) {
      return Parsed.refused("comments are not accepted");
    }
    try {
      return new Parsed(parsed.localPart(), asciiDomain(parsed.domain()), null);
    } catch (IllegalArgumentException e) {
      return Parsed.refused("the internationalised domain cannot be written in ASCII");
    }
  }

  /**
   * The one way a domain name is written: IDN labels as ASCII ({@code xn--}), lower case, no
   * trailing dot.
   *
   * @throws IllegalArgumentException if it is not a valid internationalised domain name
   */
  public static String asciiDomain(String domain) {
    String trimmed = domain.strip();
    if (trimmed.endsWith(".")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
  }

  private static String describe(FailureReason reason) {
    if (FailureReason.CONTAINS_IP_DOMAIN.equals(reason)
        || FailureReason.INVALID_IP_DOMAIN.equals(reason)) {
      return "IP-literal domains are not accepted";
    }
    if (FailureReason.MISSING_TOP_LEVEL_DOMAIN.equals(reason)) {
      return "the domain has no top-level domain";
    }
    return reason == null
        ? "not an email address"
        : reason.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
