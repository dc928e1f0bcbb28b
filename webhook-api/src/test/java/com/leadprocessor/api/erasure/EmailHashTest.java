package com.leadprocessor.api.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EmailHashTest {

  private static final EmailHash HASH =
      EmailHash.of(new ErasureProperties("an-email-hash-key-of-enough-length-0123", 1000));

  @Test
  void sameAddressWrittenDifferentlyHashesTheSame() {
    assertThat(HASH.of(" Jane.Doe@Example.COM ")).isEqualTo(HASH.of("jane.doe@example.com"));
    assertThat(HASH.of("jane.doe@example.com")).hasSize(64).doesNotContain("jane");
  }

  @Test
  void anotherKeyGivesAnotherHash() {
    EmailHash other =
        EmailHash.of(new ErasureProperties("another-email-hash-key-0123456789ab", 1000));

    assertThat(other.of("jane.doe@example.com")).isNotEqualTo(HASH.of("jane.doe@example.com"));
  }

  @Test
  void missingOrShortKeyStopsStartUpNamingTheSetting() {
    assertThatThrownBy(() -> EmailHash.of(new ErasureProperties(null, 1000)))
        .isInstanceOf(InvalidEmailHashKeyException.class)
        .hasMessageContaining("leads.erasure.email-hash-key is not set");
    InvalidEmailHashKeyException tooShort =
        catchInvalid(() -> EmailHash.of(new ErasureProperties("short-key", 1000)));

    FailureAnalysis analysis = new InvalidEmailHashKeyFailureAnalyzer().analyze(tooShort);

    assertThat(analysis.getDescription()).contains("shorter than 32").doesNotContain("short-key");
    assertThat(analysis.getAction()).contains("LEADS_ERASURE_EMAIL_HASH_KEY");
  }

  private static InvalidEmailHashKeyException catchInvalid(Runnable action) {
    try {
      action.run();
    } catch (InvalidEmailHashKeyException e) {
      return e;
    }
    throw new AssertionError("expected InvalidEmailHashKeyException");
  }
}
