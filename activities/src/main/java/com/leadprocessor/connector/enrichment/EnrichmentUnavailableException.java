package com.leadprocessor.connector.enrichment;

import com.leadprocessor.workflow.enrichment.Enrichment;

/**
 * A source could not contribute, for a reason fit to show sales in {@link
 * Enrichment#unavailable()}: no URLs with keys, no headers, no stack traces.
 */
final class EnrichmentUnavailableException extends RuntimeException {

  EnrichmentUnavailableException(String reason) {
    super(reason, null, false, false);
  }
}
