package com.leadprocessor.workflow.review;

import com.leadprocessor.workflow.LeadStep;
import java.time.Duration;

/**
 * A lead waiting in review.
 *
 * @param error the failed step's last error
 * @param resolution what a reviewer should do about it
 * @param waitingFor how long the lead has waited so far; zero when it just entered review
 */
public record ReviewAlert(
    String workflowId,
    String conversationId,
    LeadStep failedStep,
    String error,
    String resolution,
    Duration waitingFor) {}
