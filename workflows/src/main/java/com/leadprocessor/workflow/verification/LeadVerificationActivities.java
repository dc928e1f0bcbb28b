package com.leadprocessor.workflow.verification;

import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Decides whether a captured lead is real enough to reach sales. */
@ActivityInterface
public interface LeadVerificationActivities {

  /** The activity type of {@link #verify}. */
  String VERIFY_LEAD = "VerifyLead";

  /**
   * Normalises and checks the captured email and the lead's context. A lead that fails is not an
   * error: the result says it is rejected and why.
   */
  @ActivityMethod(name = VERIFY_LEAD)
  VerificationResult verify(LeadCaptureEvent event);
}
