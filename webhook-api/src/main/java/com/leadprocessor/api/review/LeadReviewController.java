package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import jakarta.validation.Valid;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
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
  Decided retry(
      @PathVariable String workflowId,
      @Valid @RequestBody(required = false) RetryBody body,
      @RequestAttribute(ReviewAuthentication.REVIEWER) String reviewer) {
    return decide(workflowId, ReviewUpdate.retry(RetryBody.toRequest(body, reviewer)), reviewer);
  }

  @PostMapping(LEADS + "/{workflowId}/skip")
  Decided skip(
      @PathVariable String workflowId,
      @Valid @RequestBody(required = false) NoteBody body,
      @RequestAttribute(ReviewAuthentication.REVIEWER) String reviewer) {
    return decide(workflowId, ReviewUpdate.skip(NoteBody.toNote(body, reviewer)), reviewer);
  }

  @PostMapping(LEADS + "/{workflowId}/discard")
  Decided discard(
      @PathVariable String workflowId,
      @Valid @RequestBody(required = false) NoteBody body,
      @RequestAttribute(ReviewAuthentication.REVIEWER) String reviewer) {
    return decide(workflowId, ReviewUpdate.discard(NoteBody.toNote(body, reviewer)), reviewer);
  }

  /**
   * One Update: the lead's validator decides whether it can take the decision, so there is no
   * window between a check here and the decision there. The caller is on record as {@code
   * decidedBy}; the lead writes the audit line.
   */
  private Decided decide(String workflowId, ReviewUpdate update, String reviewer) {
    String id = ReviewRequests.workflowId(workflowId);
    LeadState state = directory.decide(id, update);
    log.info("{} decided '{}' on lead {}", reviewer, update.decision(), id);
    return new Decided(id, update.decision(), reviewer, state);
  }

  private LeadView lead(String workflowId) {
    return directory.find(workflowId).orElseThrow(() -> new LeadNotFoundException(workflowId));
  }

  /** A page of leads, with the visibility query that found them, usable in the Temporal UI. */
  record LeadList(String query, List<LeadListItem> leads, String nextPageToken) {}

  /**
   * What {@code POST .../retry|skip|discard} answers with 200: the decision taken, by whom, and the
   * lead's state after it.
   */
  record Decided(String workflowId, String decision, String decidedBy, LeadState state) {}
}
