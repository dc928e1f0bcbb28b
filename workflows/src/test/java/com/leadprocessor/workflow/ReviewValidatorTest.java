package com.leadprocessor.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReviewValidatorTest {

  private static final String ID = "lead-conv-1";

  @Test
  void secondDecisionOnTheSameCaseIsRefusedNamingTheFirstButNotTheReviewer() {
    ReviewDecision first = ReviewDecision.skip(new ReviewNote("in CRM", "review token #1"));

    assertThatThrownBy(
            () ->
                ReviewValidator.check(
                    ID,
                    LeadStatus.NEEDS_REVIEW,
                    true,
                    first,
                    ReviewDecision.discard(new ReviewNote("spam", "alice"))))
        .isInstanceOf(ReviewRefusal.AlreadyDecided.class)
        .hasMessage(
            "Lead lead-conv-1 was already decided (skip; the lead's details say by whom); nothing"
                + " was changed.");
  }

  @Test
  void refusedEmailCorrectionDoesNotQuoteTheAddress() {
    assertThatThrownBy(
            () ->
                ReviewValidator.check(
                    ID,
                    LeadStatus.NEEDS_REVIEW,
                    true,
                    null,
                    ReviewDecision.retry(
                        new RetryRequest(
                            null, new LeadCorrection("potential.lead@example", null, null, null)))))
        .isInstanceOf(ReviewRefusal.InvalidCorrection.class)
        .hasMessageStartingWith("correction.capturedEmail is refused: invalid email syntax: ")
        .message()
        .doesNotContain("potential.lead")
        .doesNotContain("example");
  }

  @Test
  void refusedChannelCorrectionDoesNotQuoteTheChannel() {
    assertThatThrownBy(
            () ->
                ReviewValidator.check(
                    ID,
                    LeadStatus.NEEDS_REVIEW,
                    true,
                    null,
                    ReviewDecision.retry(
                        new RetryRequest(
                            null, new LeadCorrection(null, null, "Sales Leads Tokyo", null)))))
        .isInstanceOf(ReviewRefusal.InvalidCorrection.class)
        .message()
        .doesNotContain("Tokyo");
  }

  @Test
  void correctedEmailWithADomainWrittenInUnicodeIsAccepted() {
    assertThatCode(
            () ->
                ReviewValidator.check(
                    ID,
                    LeadStatus.NEEDS_REVIEW,
                    true,
                    null,
                    ReviewDecision.retry(
                        new RetryRequest(
                            null, new LeadCorrection(" buyer@bücher.de ", null, null, null)))))
        .doesNotThrowAnyException();
  }
}
