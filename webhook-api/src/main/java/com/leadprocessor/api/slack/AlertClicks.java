package com.leadprocessor.api.slack;

import java.util.concurrent.CompletableFuture;

/** Delivers a click to its lead's workflow as an Update. */
interface AlertClicks {

  /**
   * Sends the click's Update; the future completes with its outcome, at the latest {@code
   * leads.slack.update-timeout} later (then {@link ClickOutcome.Kind#WORKER_SILENT}). Never
   * completes exceptionally.
   */
  CompletableFuture<ClickOutcome> send(AlertClick click);
}
