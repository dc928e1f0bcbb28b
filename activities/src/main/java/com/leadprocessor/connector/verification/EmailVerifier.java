package com.leadprocessor.connector.verification;

import com.leadprocessor.workflow.verification.EmailSyntax;
import com.leadprocessor.workflow.verification.VerificationResult;
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
    EmailSyntax.Parsed email = EmailSyntax.parse(capturedEmail);
    if (!email.valid()) {
      return VerificationResult.rejected(email.rejection());
    }
    String domain = email.asciiDomain();
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
}
