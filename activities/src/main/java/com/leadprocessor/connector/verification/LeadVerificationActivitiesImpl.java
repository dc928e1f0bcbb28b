package com.leadprocessor.connector.verification;

import com.leadprocessor.observability.EmailMasking;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.verification.LeadVerificationActivities;
import com.leadprocessor.workflow.verification.VerificationResult;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Verifies a lead's email and that it carries the context sales needs. */
@Component
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class LeadVerificationActivitiesImpl implements LeadVerificationActivities {

  private static final Logger log = LoggerFactory.getLogger(LeadVerificationActivitiesImpl.class);

  private final EmailVerifier emailVerifier;

  public LeadVerificationActivitiesImpl(EmailVerifier emailVerifier) {
    this.emailVerifier = emailVerifier;
  }

  @Override
  public VerificationResult verify(LeadCaptureEvent event) {
    VerificationResult result = check(event);
    if (result.accepted()) {
      log.info(
          "Lead accepted: conversation={} email={} freeEmailProvider={}",
          event.conversationId(),
          EmailMasking.of(result.normalizedEmail()),
          result.freeEmailProvider());
    } else {
      log.info(
          "Lead rejected: conversation={} email={} reason={}",
          event.conversationId(),
          EmailMasking.of(event.capturedEmail()),
          EmailMasking.mask(result.rejectionReason()));
    }
    return result;
  }

  private VerificationResult check(LeadCaptureEvent event) {
    VerificationResult emailResult = emailVerifier.verify(event.capturedEmail());
    if (!emailResult.accepted()) {
      return emailResult;
    }
    if (event.triggerQuery() == null || event.triggerQuery().isBlank()) {
      return VerificationResult.rejected(
          "trigger_query is missing: a lead needs the visitor's question");
    }
    return emailResult;
  }
}
