package com.leadprocessor.connector.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.review.ReviewAlert;
import com.leadprocessor.workflow.review.ReviewPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LeadReviewActivitiesImplTest {

  private static final ReviewAlert ALERT =
      new ReviewAlert(
          "lead-conv-12345",
          "conv-12345",
          LeadStep.SALESFORCE,
          "INVALID_EMAIL_ADDRESS: Email: invalid email address: potential.lead@example.com",
          "Correct the lead's data and send the 'retry' signal with the corrected fields.",
          Duration.ZERO);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<ReviewAlert> notified = new ArrayList<>();
  private final ReviewNotifier recording =
      new ReviewNotifier() {
        @Override
        public void reviewNeeded(ReviewAlert alert) {
          notified.add(alert);
        }

        @Override
        public void reviewPending(ReviewAlert alert) {
          notified.add(alert);
        }
      };

  private final LeadReviewActivitiesImpl activities =
      new LeadReviewActivitiesImpl(
          new ReviewReminderProperties(Duration.ofHours(24), null),
          List.of(new LogReviewNotifier(), recording),
          meters);

  @Test
  void reviewPolicyComesFromConfiguration() {
    assertThat(activities.reviewPolicy())
        .isEqualTo(
            new ReviewPolicy(
                Duration.ofHours(24),
                Map.of(
                    LeadStep.SALESFORCE, Duration.ofHours(4),
                    LeadStep.SLACK, Duration.ofHours(4))));
  }

  @Test
  void leadEnteringReviewIsLoggedWithoutTheRawEmailAndCounted(CapturedOutput output) {
    activities.alertReviewNeeded(ALERT);

    assertThat(output)
        .contains("WARN")
        .contains(
            "Lead needs review: workflowId=lead-conv-12345 conversationId=conv-12345"
                + " step=SALESFORCE error=\"INVALID_EMAIL_ADDRESS: Email: invalid email address:"
                + " p***@example.com\" resolution=\"Correct the lead's data")
        .doesNotContain("potential.lead@example.com");
    assertThat(meters.get("leads.review.entered").tag("step", "SALESFORCE").counter().count())
        .isEqualTo(1.0);
    assertThat(notified).containsExactly(ALERT);
  }

  @Test
  void reminderIsLoggedAndCountedSeparately(CapturedOutput output) {
    ReviewAlert waiting =
        new ReviewAlert(
            ALERT.workflowId(),
            ALERT.conversationId(),
            ALERT.failedStep(),
            ALERT.error(),
            ALERT.resolution(),
            Duration.ofHours(25));

    activities.remindReviewPending(waiting);
    activities.remindReviewPending(waiting);

    assertThat(output).contains("Lead still waits for review").contains("waitingFor=PT25H");
    assertThat(meters.get("leads.review.reminders").counter().count()).isEqualTo(2.0);
    assertThat(meters.find("leads.review.entered").counter()).isNull();
  }
}
