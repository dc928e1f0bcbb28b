package com.leadprocessor.connector.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.verification.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailVerifierTest {

  private final EmailVerifier verifier = ShippedEmailLists.verifier(false, true);

  @Test
  void shippedListsAreLoadedWhole() {
    assertThat(ShippedEmailLists.DISPOSABLE.size()).isGreaterThan(100_000);
    assertThat(ShippedEmailLists.FREE.size()).isGreaterThan(10_000);
    assertThat(ShippedEmailLists.ROLES.size()).isGreaterThan(900);
  }

  @Test
  void emailIsTrimmedAndItsDomainLowerCasedWhileTheLocalPartKeepsItsCase() {
    VerificationResult result = verifier.verify("  Jane.Doe@Acme-Corp.COM \n");

    assertThat(result.accepted()).isTrue();
    assertThat(result.normalizedEmail()).isEqualTo("Jane.Doe@acme-corp.com");
    assertThat(result.emailDomain()).isEqualTo("acme-corp.com");
    assertThat(result.freeEmailProvider()).isFalse();
    assertThat(result.rejectionReason()).isNull();
  }

  @Test
  void internationalisedDomainIsConvertedToAscii() {
    VerificationResult result = verifier.verify("jane@Bücher.de");

    assertThat(result.accepted()).isTrue();
    assertThat(result.normalizedEmail()).isEqualTo("jane@xn--bcher-kva.de");
    assertThat(result.emailDomain()).isEqualTo("xn--bcher-kva.de");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-email", "jane@@acme.com", "jane@acme", "jane@", "@acme.com"})
  void badSyntaxIsRejectedAsInvalidSyntax(String email) {
    VerificationResult result = verifier.verify(email);

    assertThat(result.accepted()).isFalse();
    assertThat(result.rejectionReason()).startsWith("invalid email syntax");
  }

  @Test
  void domainWithoutTopLevelDomainIsRejectedSayingSo() {
    assertThat(verifier.verify("jane@acme").rejectionReason())
        .isEqualTo("invalid email syntax: the domain has no top-level domain");
  }

  @Test
  void ipLiteralDomainIsRejected() {
    assertThat(verifier.verify("jane@[203.0.113.1]").rejectionReason())
        .isEqualTo("invalid email syntax: IP-literal domains are not accepted");
  }

  @Test
  void quotedLocalPartIsRejected() {
    assertThat(verifier.verify("\"jane doe\"@acme.com").rejectionReason())
        .isEqualTo("invalid email syntax: quoted local parts are not accepted");
  }

  @Test
  void missingEmailIsRejected() {
    assertThat(verifier.verify("  ").rejectionReason()).isEqualTo("captured_email is missing");
    assertThat(verifier.verify(null).rejectionReason()).isEqualTo("captured_email is missing");
  }

  @Test
  void disposableDomainIsRejected() {
    assertThat(verifier.verify("jane@mailinator.com").rejectionReason())
        .isEqualTo("disposable email domain mailinator.com");
  }

  @Test
  void subdomainOfDisposableDomainIsRejectedNamingTheListedDomain() {
    assertThat(verifier.verify("jane@inbox.eu.Mailinator.com").rejectionReason())
        .isEqualTo("disposable email domain mailinator.com");
  }

  @Test
  void disposableDomainIsRejectedEvenWhenRoleAddressesAreAllowed() {
    assertThat(ShippedEmailLists.verifier(true, false).verify("jane@mailinator.com").accepted())
        .isFalse();
  }

  @Test
  void freeMailIsAcceptedAndFlagged() {
    VerificationResult result = verifier.verify("jane.doe@gmail.com");

    assertThat(result.accepted()).isTrue();
    assertThat(result.freeEmailProvider()).isTrue();
  }

  @Test
  void roleAddressIsRejected() {
    assertThat(verifier.verify("info@acme-corp.com").rejectionReason())
        .isEqualTo("role address 'info@' names a position, not a person");
    assertThat(verifier.verify("Sales+web@acme-corp.com").accepted()).isFalse();
  }

  @Test
  void roleAddressIsAcceptedWhenRoleAddressesAreAllowed() {
    assertThat(ShippedEmailLists.verifier(false, false).verify("info@acme-corp.com").accepted())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "potential.lead@example.com",
        "jane@example.org",
        "jane@mail.example.net",
        "jane@acme.test",
        "jane@acme.example",
        "jane@acme.invalid",
        "jane@acme.localhost"
      })
  void reservedDomainIsRejected(String email) {
    assertThat(verifier.verify(email).rejectionReason())
        .startsWith("reserved example domain ")
        .endsWith("(RFC 2606/6761)");
  }

  @Test
  void reservedDomainIsAcceptedWhenTheTrialFlagAllowsIt() {
    VerificationResult result =
        ShippedEmailLists.verifier(true, true).verify("potential.lead@example.com");

    assertThat(result.accepted()).isTrue();
    assertThat(result.normalizedEmail()).isEqualTo("potential.lead@example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "test", "Test123", "fake", "asdf", "asdfgh", "qwerty", "noemail", "none", "aaaa", "xxxxx",
        "12345", "test+1"
      })
  void obviouslyFakeLocalPartIsRejected(String localPart) {
    assertThat(verifier.verify(localPart + "@acme-corp.com").rejectionReason())
        .isEqualTo("obviously fake local part '" + localPart + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jane", "j.doe", "aaron", "anna", "testa.rossi", "bob.test"})
  void realLookingLocalPartIsAccepted(String localPart) {
    assertThat(verifier.verify(localPart + "@acme-corp.com").accepted()).isTrue();
  }
}
