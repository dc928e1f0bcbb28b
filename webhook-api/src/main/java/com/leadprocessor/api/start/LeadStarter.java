package com.leadprocessor.api.start;

import com.leadprocessor.workflow.LeadRequest;

/** Durably starts the workflow of one lead, once per conversation. */
public interface LeadStarter {

  /**
   * Starts the lead's workflow, or finds that a delivery of the same conversation already did.
   *
   * @return the workflow id, and whether this was a duplicate that started nothing
   * @throws LeadStartUnavailableException if the start could not be made durable in time
   */
  LeadStart start(LeadRequest request);
}
