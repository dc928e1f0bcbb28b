package com.leadprocessor.api.review;

import java.util.List;

/**
 * Deletes every lead of one person from Temporal: the workflow executions whose {@code
 * LeadEmailHash} search attribute is the given hash, and those without the attribute (started
 * before it existed) whose start input carries an email of that hash, running ones included
 * (deleting terminates them), history and visibility alike.
 *
 * @throws ReviewUnavailableException when Temporal cannot answer
 */
public interface LeadErasure {

  Result erase(String emailHash);

  /**
   * @param deleted the executions deleted, those found by the hash first, each in the order
   *     visibility listed them
   * @param scannedWithoutHash how many executions without {@code LeadEmailHash} had their start
   *     input read
   * @param scanComplete false when the scan stopped at {@code leads.erasure.legacy-scan-limit} with
   *     more such executions left
   */
  record Result(List<ErasedLead> deleted, int scannedWithoutHash, boolean scanComplete) {}
}
