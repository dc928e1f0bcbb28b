package com.leadprocessor.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.failure.v1.Failure;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SealingDataConverterTest {

  /** Stands for a review validator's refusal: the SDK types the failure by the class thrown. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private static final String REFUSAL =
      "correction.capturedEmail is refused: invalid email syntax: the domain has no top-level"
          + " domain.";

  private final SealingDataConverter converter =
      new SealingDataConverter(TestKeys.codec(TestKeys.OLD), Set.of(Refused.class.getName()));

  @Test
  void aRefusalKeepsItsMessageReadableAndItsStackTraceSealed() {
    Failure failure = converter.exceptionToFailure(new Refused(REFUSAL));

    assertThat(failure.getApplicationFailureInfo().getType()).isEqualTo(Refused.class.getName());
    assertThat(failure.getMessage()).isEqualTo(REFUSAL);
    assertThat(failure.getStackTrace()).isEmpty();
    assertThat(failure.hasEncodedAttributes()).isTrue();
    assertThat(plainBytes(failure)).doesNotContain("SealingDataConverterTest.java");
    assertThat(converter.failureToException(failure)).hasMessageContaining(REFUSAL);
  }

  @Test
  void anotherApplicationFailureStaysSealed() {
    Failure failure =
        converter.exceptionToFailure(
            ApplicationFailure.newFailure("rejected potential.lead@example.com", "CRM"));

    assertThat(failure.getMessage()).isEqualTo("Encoded failure");
    assertThat(plainBytes(failure)).doesNotContain("potential.lead");
    assertThat(converter.failureToException(failure)).hasMessageContaining("potential.lead");
  }

  @Test
  void anActivityFailureQuotingAnEmailStaysSealedCauseIncluded() {
    ActivityFailure activityFailure =
        new ActivityFailure(
            "Activity task failed for potential.lead@example.com",
            5,
            6,
            "CreateLead",
            "1",
            RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED,
            "worker",
            ApplicationFailure.newFailure(
                "Salesforce rejected potential.lead@example.com", "SalesforceRejected"));

    Failure failure = converter.exceptionToFailure(activityFailure);

    assertThat(failure.getMessage()).isEqualTo("Encoded failure");
    assertThat(failure.getCause().getMessage()).isEqualTo("Encoded failure");
    assertThat(plainBytes(failure)).doesNotContain("potential.lead");
  }

  @Test
  void aRefusalAsTheCauseOfAnotherFailureStaysSealed() {
    Failure failure =
        converter.exceptionToFailure(
            ApplicationFailure.newFailureWithCause(
                "wrapped for potential.lead@example.com", "Wrapper", new Refused(REFUSAL)));

    assertThat(failure.getMessage()).isEqualTo("Encoded failure");
    assertThat(failure.getCause().getMessage()).isEqualTo("Encoded failure");
    assertThat(plainBytes(failure)).doesNotContain("potential.lead");
  }

  private static String plainBytes(Failure failure) {
    return failure.toByteString().toString(StandardCharsets.ISO_8859_1);
  }
}
