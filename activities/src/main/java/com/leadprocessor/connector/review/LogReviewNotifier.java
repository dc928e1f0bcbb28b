package com.leadprocessor.connector.review;

import com.leadprocessor.observability.EmailMasking;
import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.review.ReviewAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes one structured WARN line per review event, which log-based alerting can pick up. Emails in
 * the error text are masked; the lead itself is one click away in the Temporal UI. A lead whose
 * Slack step failed is not announced in Slack (its token or channel may be the problem), so this
 * line is then the announcement: ERROR, saying so, beside the {@code leads.review.entered} counter
 * tagged {@code step=SLACK} that docs/slack.md's alert rule watches.
 */
@Component
public class LogReviewNotifier implements ReviewNotifier {

  private static final Logger log = LoggerFactory.getLogger(LogReviewNotifier.class);

  @Override
  public void reviewNeeded(ReviewAlert alert) {
    if (alert.failedStep() == LeadStep.SLACK) {
      log.error(
          "Lead needs review and has no Slack alert (its Slack step failed, so it is announced"
              + " only here and in the metric leads.review.entered{step=SLACK}): workflowId={}"
              + " conversationId={} error=\"{}\" resolution=\"{}\"",
          alert.workflowId(),
          alert.conversationId(),
          EmailMasking.mask(alert.error()),
          alert.resolution());
      return;
    }
    log.warn(
        "Lead needs review: workflowId={} conversationId={} step={} error=\"{}\" resolution=\"{}\"",
        alert.workflowId(),
        alert.conversationId(),
        alert.failedStep(),
        EmailMasking.mask(alert.error()),
        alert.resolution());
  }

  @Override
  public void reviewPending(ReviewAlert alert) {
    log.warn(
        "Lead still waits for review: workflowId={} conversationId={} step={} waitingFor={}"
            + " error=\"{}\" resolution=\"{}\"",
        alert.workflowId(),
        alert.conversationId(),
        alert.failedStep(),
        alert.waitingFor(),
        EmailMasking.mask(alert.error()),
        alert.resolution());
  }
}
