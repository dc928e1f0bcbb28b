package com.leadprocessor.workflow.claim;

import java.util.List;

/**
 * The interactive parts of a lead alert, shared by the message that shows them and the endpoint
 * that receives their clicks. The alert's actions block has the block id {@link #BLOCK_ID_PREFIX}
 * followed by the lead's workflow id; each button's value is the workflow id too.
 */
public final class AlertActions {

  /** The prefix of the actions block's {@code block_id}; the lead's workflow id follows it. */
  public static final String BLOCK_ID_PREFIX = "lead-actions:";

  /** The action id of the Claim button. */
  public static final String CLAIM = "lead_claim";

  /** The action id of the Not a lead menu; the selected option's value is the reason. */
  public static final String NOT_A_LEAD = "lead_not_a_lead";

  /** The action id of the Hand back button. */
  public static final String HAND_BACK = "lead_hand_back";

  /** The reasons the Not a lead menu offers, as option values. */
  public static final List<String> NOT_A_LEAD_REASONS =
      List.of("spam", "existing-customer", "job-seeker", "vendor", "other");

  private AlertActions() {}

  /** The actions block's id for a lead. */
  public static String blockId(String workflowId) {
    return BLOCK_ID_PREFIX + workflowId;
  }
}
