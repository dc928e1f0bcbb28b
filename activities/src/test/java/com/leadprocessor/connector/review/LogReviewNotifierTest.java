package com.leadprocessor.connector.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.review.ReviewAlert;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LogReviewNotifierTest {

  private final LogReviewNotifier notifier = new LogReviewNotifier();

  private static ReviewAlert failedAt(LeadStep step) {
    return new ReviewAlert(
        "lead-conv-12345",
        "conv-12345",
        step,
        "Slack chat.postMessage answered ok=false for potential.lead@example.com",
        "Send 'retry' once Slack answers again.",
        Duration.ZERO);
  }

  @Test
  void leadWhoseSlackStepFailedIsAnnouncedAsAnErrorSayingItHasNoSlackAlert(CapturedOutput output) {
    notifier.reviewNeeded(failedAt(LeadStep.SLACK));

    assertThat(output.getAll())
        .contains("ERROR")
        .contains("Lead needs review and has no Slack alert")
        .contains("leads.review.entered{step=SLACK}")
        .contains("workflowId=lead-conv-12345")
        .doesNotContain("potential.lead@example.com");
  }

  @Test
  void leadFailedAtAnotherStepIsAWarning(CapturedOutput output) {
    notifier.reviewNeeded(failedAt(LeadStep.SALESFORCE));

    assertThat(output.getAll())
        .contains("WARN")
        .contains("Lead needs review: workflowId=lead-conv-12345")
        .doesNotContain("has no Slack alert");
  }
}
