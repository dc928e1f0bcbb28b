package com.leadprocessor.api.slack;

import com.leadprocessor.workflow.LeadOutcome;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.RetryRequest;
import com.leadprocessor.workflow.ReviewNote;
import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.claim.ClaimRefusal;
import io.temporal.workflow.Workflow;

/**
 * A stand-in for the lead workflow's claim phase, which the endpoint's tests cannot wait for: the
 * first claim wins and later claimers are refused naming the owner, only the owner may hand back, a
 * claimed lead cannot be marked not a lead. A claim by a user named {@value #SLOW} waits until the
 * {@code skip} signal releases it, as a busy worker would; {@code discard} completes the lead. The
 * answers are the claim contract's: {@link ClaimRefusal} failures, no lead data.
 */
public class ScriptedClaimWorkflow implements LeadWorkflow {

  static final String SLOW = "slow-worker";

  private String owner;
  private boolean released;
  private boolean closed;

  @Override
  public LeadOutcome process(LeadRequest request) {
    Workflow.await(() -> closed && Workflow.isEveryHandlerFinished());
    return null;
  }

  @Override
  public void validateClaim(AlertAction action) {
    if (owner != null && !owner.equals(action.slackUserId())) {
      throw ClaimRefusal.ALREADY_CLAIMED.exception(
          "<@" + owner + "> has already claimed this lead.");
    }
  }

  @Override
  public LeadState claim(AlertAction action) {
    if (SLOW.equals(action.slackUserName())) {
      Workflow.await(() -> released);
    }
    owner = action.slackUserId();
    return null;
  }

  @Override
  public void validateNotALead(AlertAction action) {
    if (owner != null) {
      throw ClaimRefusal.NOT_ALLOWED_NOW.exception(
          "A claimed lead cannot be marked as not a lead; its owner can hand it back first.");
    }
  }

  @Override
  public LeadState notALead(AlertAction action) {
    closed = true;
    return null;
  }

  @Override
  public void validateHandBack(AlertAction action) {
    if (owner == null || !owner.equals(action.slackUserId())) {
      throw ClaimRefusal.NOT_THE_OWNER.exception("Only the lead's owner can hand it back.");
    }
  }

  @Override
  public LeadState handBack(AlertAction action) {
    owner = null;
    return null;
  }

  @Override
  public void skip(ReviewNote note) {
    released = true;
  }

  @Override
  public void discard(ReviewNote note) {
    closed = true;
  }

  @Override
  public void retry(RetryRequest request) {}

  @Override
  public LeadState reviewRetry(RetryRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void validateReviewRetry(RetryRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public LeadState reviewSkip(ReviewNote note) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void validateReviewSkip(ReviewNote note) {
    throw new UnsupportedOperationException();
  }

  @Override
  public LeadState reviewDiscard(ReviewNote note) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void validateReviewDiscard(ReviewNote note) {
    throw new UnsupportedOperationException();
  }

  @Override
  public LeadState state() {
    return null;
  }
}
