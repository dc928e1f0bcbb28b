package com.leadprocessor.api.review;

import java.util.List;

/**
 * Deletes every lead of one person from Temporal: the workflow executions whose {@code
 * LeadEmailHash} search attribute is the given hash, running ones included (deleting terminates
 * them), history and visibility alike.
 *
 * @throws ReviewUnavailableException when Temporal cannot answer
 */
public interface LeadErasure {

  /** The executions deleted, in the order visibility listed them. */
  List<ErasedLead> erase(String emailHash);
}
