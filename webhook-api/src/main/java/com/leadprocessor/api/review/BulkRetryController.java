package com.leadprocessor.api.review;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import com.leadprocessor.workflow.LeadStep;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk recovery after an outage: one Temporal batch operation signals {@code retry} to every lead
 * waiting in review on the same step, the same as {@code temporal workflow signal --query ...
 * --name retry}. Pacing the retried leads is the workers' outbound limits' job.
 */
@RestController
@Conditional(ReviewApiEnabledCondition.class)
class BulkRetryController {

  static final String RETRY_ALL = LeadReviewController.LEADS + "/retry";
  static final String RETRY_JOBS = LeadReviewController.LEADS + "/retry-jobs";

  private static final Logger log = LoggerFactory.getLogger(BulkRetryController.class);

  private final LeadDirectory directory;

  BulkRetryController(LeadDirectory directory) {
    this.directory = directory;
  }

  @PostMapping(
      path = RETRY_ALL,
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
  ResponseEntity<BulkRetryStarted> retryAll(
      @Valid @RequestBody(required = false) BulkRetryBody body,
      @RequestAttribute(ReviewAuthentication.REVIEWER) String reviewer) {
    BulkRetryBody request = body == null ? new BulkRetryBody(null, null) : body;
    LeadStep step = ReviewRequests.failedStep(request.failedStep(), true);
    String reason = ReviewText.stripped(request.reason());
    String jobId = "retry-" + step.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();
    String query = LeadQueries.inReviewAt(step);
    String recorded =
        reason == null ? "Bulk retry of leads in review at " + step + " by " + reviewer : reason;
    directory.startBulkRetry(
        new BulkRetry(jobId, query, recorded, "webhook-api review API (" + reviewer + ")"));
    log.info("{} started bulk retry {} of leads in review at {}", reviewer, jobId, step);
    String statusPath = RETRY_JOBS + "/" + jobId;
    return ResponseEntity.accepted()
        .location(URI.create(statusPath))
        .body(new BulkRetryStarted(jobId, query, recorded, statusPath));
  }

  @GetMapping(RETRY_JOBS + "/{jobId}")
  BulkRetryProgress progress(@PathVariable String jobId) {
    String id = ReviewRequests.jobId(jobId);
    return directory
        .bulkRetryProgress(id)
        .orElseThrow(
            () ->
                new ProblemException(
                        ProblemType.NOT_FOUND, "There is no bulk retry job '" + id + "'.")
                    .withProperty("jobId", id));
  }

  /**
   * @param failedStep the step the leads failed at, required; read like the {@code failedStep}
   *     query parameter, by {@link ReviewRequests#failedStep}
   * @param reason why, recorded on the batch job; optional, blank counts as absent
   */
  record BulkRetryBody(
      String failedStep,
      @Size(max = ReviewText.MAX_REASON_LENGTH, message = ReviewText.TOO_LONG) String reason) {

    BulkRetryBody {
      reason = ReviewText.absentIfBlank(reason);
    }
  }

  /**
   * @param statusPath where to follow the job's progress
   */
  record BulkRetryStarted(String jobId, String query, String reason, String statusPath) {}
}
