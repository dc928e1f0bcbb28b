package com.leadprocessor.connector.verification;

import com.leadprocessor.workflow.verification.VerificationResult;
import com.sanctionco.jmail.Email;
import com.sanctionco.jmail.EmailValidationResult;
import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.FailureReason;
import com.sanctionco.jmail.JMail;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Normalises a captured email and decides whether it reaches sales: valid syntax with a top-level
 * domain, no IP-literal domain or quoted local part, no reserved or disposable domain, nothing
 * obviously fake and, unless allowed, no role address. A refusal is a result naming the rule, not
 * an exception.
 */
@Component
public class EmailVerifier {

  /** RFC 2606 second-level example domains. */
  private static final Set<String> RESERVED_DOMAINS =
      Set.of("example.com", "example.net", "example.org");

  /** RFC 2606 and RFC 6761 reserved top-level domains. */
  private static final Set<String> RESERVED_TOP_LEVEL_DOMAINS =
      Set.of("test", "example", "invalid", "localhost");

  /** Local parts people type when they do not want to give an address. */
  private static final Set<String> FAKE_LOCAL_PARTS =
      Set.of(
          "test",
          "testing",
          "tester",
          "fake",
          "fakeemail",
          "asdf",
          "qwerty",
          "qwertz",
          "azerty",
          "noemail",
          "no-email",
          "no.email",
          "nomail",
          "none",
          "null",
          "nil",
          "nobody",
          "nope",
          "dummy",
          "sample",
          "example",
          "foo",
          "bar",
          "foobar",
          "blah",
          "abc",
          "abcd",
          "abc123",
          "nospam",
          "notreal",
          "unknown",
          "na",
          "n.a",
          "xxx",
          "someone",
          "anonymous");

  /** Patterns of the same: a character repeated, keyboard runs, counting, "test" with a number. */
  private static final List<Pattern> FAKE_LOCAL_PART_PATTERNS =
      List.of(
          Pattern.compile("(.)\\1{2,}"),
          Pattern.compile("(test|fake|dummy|sample|user)[._-]?\\d*"),
          Pattern.compile("asdf[ghjkl;]*\\d*"),
          Pattern.compile("qwert[yuiop]*\\d*"),
          Pattern.compile("0?1234\\d*"));

  private static final EmailValidator SYNTAX =
      JMail.strictValidator()
          .requireTopLevelDomain()
          .disallowIpDomain()
          .disallowSingleCharacterTopLevelDomains()
          .disallowExplicitSourceRouting()
          .disallowQuotedIdentifiers()
          .disallowObsoleteWhitespace();

  private final VerificationProperties properties;
  private final DisposableDomains disposableDomains;
  private final FreeEmailDomains freeEmailDomains;
  private final RoleLocalParts roleLocalParts;

  public EmailVerifier(
      VerificationProperties properties,
      DisposableDomains disposableDomains,
      FreeEmailDomains freeEmailDomains,
      RoleLocalParts roleLocalParts) {
    this.properties = properties;
    this.disposableDomains = disposableDomains;
    this.freeEmailDomains = freeEmailDomains;
    this.roleLocalParts = roleLocalParts;
  }

  /** Checks a captured email; accepted results carry it normalised with its ASCII domain. */
  public VerificationResult verify(String capturedEmail) {
    if (capturedEmail == null || capturedEmail.isBlank()) {
      return VerificationResult.rejected("captured_email is missing");
    }
    EmailValidationResult syntax = SYNTAX.validate(capturedEmail.strip());
    if (syntax.isFailure() || syntax.getEmail().isEmpty()) {
      return VerificationResult.rejected(
          "invalid email syntax: " + describe(syntax.getFailureReason()));
    }
    Email email = syntax.getEmail().get();
    if (email.localPart().startsWith("\"")) {
      return VerificationResult.rejected(
          "invalid email syntax: quoted local parts are not accepted");
    }
    if (!email.comments().isEmpty()) {
      return VerificationResult.rejected("invalid email syntax: comments are not accepted");
    }
    String domain;
    try {
      domain = AsciiDomain.of(email.domain());
    } catch (IllegalArgumentException e) {
      return VerificationResult.rejected(
          "invalid email syntax: the internationalised domain cannot be written in ASCII");
    }
    String localPart = email.localPart();
    return rejectionReason(localPart, domain)
        .map(VerificationResult::rejected)
        .orElseGet(
            () ->
                VerificationResult.accepted(
                    localPart + "@" + domain, domain, freeEmailDomains.contains(domain)));
  }

  private Optional<String> rejectionReason(String localPart, String domain) {
    if (!properties.allowReservedDomains() && isReserved(domain)) {
      return Optional.of("reserved example domain " + domain + " (RFC 2606/6761)");
    }
    Optional<String> disposable = disposableDomains.listedDomainOf(domain);
    if (disposable.isPresent()) {
      return Optional.of("disposable email domain " + disposable.get());
    }
    String mailbox = mailbox(localPart);
    if (isObviouslyFake(mailbox)) {
      return Optional.of("obviously fake local part '" + localPart + "'");
    }
    if (properties.rejectRoleAddresses() && roleLocalParts.contains(mailbox)) {
      return Optional.of("role address '" + localPart + "@' names a position, not a person");
    }
    return Optional.empty();
  }

  /** The local part as lists compare it: lower case, without a {@code +tag} sub-address. */
  private static String mailbox(String localPart) {
    String lower = localPart.toLowerCase(Locale.ROOT);
    int plus = lower.indexOf('+');
    return plus > 0 ? lower.substring(0, plus) : lower;
  }

  private static boolean isReserved(String domain) {
    String topLevel = domain.substring(domain.lastIndexOf('.') + 1);
    return RESERVED_TOP_LEVEL_DOMAINS.contains(topLevel)
        || RESERVED_DOMAINS.stream()
            .anyMatch(reserved -> domain.equals(reserved) || domain.endsWith("." + reserved));
  }

  private static boolean isObviouslyFake(String mailbox) {
    return FAKE_LOCAL_PARTS.contains(mailbox)
        || FAKE_LOCAL_PART_PATTERNS.stream().anyMatch(p -> p.matcher(mailbox).matches());
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
