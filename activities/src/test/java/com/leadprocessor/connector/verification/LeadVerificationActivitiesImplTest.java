package com.leadprocessor.connector.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.workflow.verification.VerificationResult;
import org.junit.jupiter.api.Test;

class LeadVerificationActivitiesImplTest {

  private final LeadVerificationActivitiesImpl activities =
      new LeadVerificationActivitiesImpl(ShippedEmailLists.verifier(true, true));

  @Test
  void exampleLeadIsAcceptedWhenReservedDomainsAreAllowed() {
    VerificationResult result = activities.verify(ExampleLead.event());

    assertThat(result)
        .isEqualTo(VerificationResult.accepted("potential.lead@example.com", "example.com", false));
  }

  @Test
  void leadWithoutQuestionIsRejected() {
    VerificationResult result =
        activities.verify(
            ExampleLead.event("jane@acme-corp.com", "  ", "/pricing", ExampleLead.USER_AGENT));

    assertThat(result.accepted()).isFalse();
    assertThat(result.rejectionReason())
        .isEqualTo("trigger_query is missing: a lead needs the visitor's question");
  }
}
