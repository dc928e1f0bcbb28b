package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review API for one lead or a list of them: what Temporal visibility and the workflow's {@code
 * state} query say, and the {@code retry}, {@code skip} and {@code discard} decisions.
 */
@RestController
@Conditional(ReviewApiEnabledCondition.class)
class LeadReviewController {

  static final String LEADS = "/leads";

  private static final Logger log = LoggerFactory.getLogger(LeadReviewController.class);

  private final LeadDirectory directory;

  LeadReviewController(LeadDirectory directory) {
    this.directory = directory;
  }

  @GetMapping(LEADS)
  LeadList list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String failedStep,
      @RequestParam(required = false) String pageSize,
      @RequestParam(required = false) String nextPageToken) {
    LeadStatus leadStatus = ReviewRequests.status(status);
    LeadStep step = ReviewRequests.failedStep(failedStep, false);
    int size = ReviewRequests.pageSize(pageSize);
    byte[] token = ReviewRequests.pageToken(nextPageToken);
    String query = LeadQueries.byStatus(leadStatus, step);
    LeadPage page = directory.list(query, size, token);
    return new LeadList(query, page.leads(), ReviewRequests.encodePageToken(page.nextPageToken()));
  }

  @GetMapping(LEADS + "/{workflowId}")
  LeadResponse show(@PathVariable String workflowId) {
    return LeadResponse.of(lead(ReviewRequests.workflowId(workflowId)));
  }

  @PostMapping(LEADS + "/{workflowId}/retry")
  ResponseEntity<SignalSent> retry(
      @PathVariable String workflowId,
      @Valid @RequestBody(required = false) RetryBody body,
      @RequestAttribute(ReviewAuthentication.REVIEWER) String reviewer) {
    return decide(workflowId, ReviewSignal.retry(RetryBody.toRequest(body)), reviewer);
  }

  @PostMapping(LEADS + "/{workflowId}/skip")
  ResponseEntity<SignalSent> skip(
      @PathVariable String workflowId,
      @Valid @RequestBody(required = false) NoteBody body,
      @RequestAttribute(ReviewAuthentication.REVIEWER) String reviewer) {
    return decide(workflowId, ReviewSignal.skip(NoteBody.toNote(body)), reviewer);
  }

  @PostMapping(LEADS + "/{workflowId}/discard")
  ResponseEntity<SignalSent> discard(
      @PathVariable String workflowId,
      @Valid @RequestBody(required = false) NoteBody body,
      @RequestAttribute(ReviewAuthentication.REVIEWER) String reviewer) {
    return decide(workflowId, ReviewSignal.discard(NoteBody.toNote(body)), reviewer);
  }

  /**
   * Signals only a lead that its own query reports in review. The workflow ignores a decision that
   * arrives after the lead left review anyway, so the small window between the check and the signal
   * cannot do harm; the check is there to tell the caller.
   */
  private ResponseEntity<SignalSent> decide(
      String workflowId, ReviewSignal signal, String reviewer) {
    String id = ReviewRequests.workflowId(workflowId);
    LeadView lead = lead(id);
    if (lead.status() != LeadStatus.NEEDS_REVIEW) {
      throw new LeadNotInReviewException(id, lead.status());
    }
    directory.signal(id, signal);
    log.info("{} sent '{}' to lead {}", reviewer, signal.name(), id);
    return ResponseEntity.accepted()
        .location(URI.create(LEADS + "/" + id))
        .body(new SignalSent(id, signal.name()));
  }

  private LeadView lead(String workflowId) {
    return directory.find(workflowId).orElseThrow(() -> new LeadNotFoundException(workflowId));
  }

  /** A page of leads, with the visibility query that found them, usable in the Temporal UI. */
  record LeadList(String query, List<LeadListItem> leads, String nextPageToken) {}

  /** What {@code POST .../retry|skip|discard} answers with 202. */
  record SignalSent(String workflowId, String signal) {}
}
