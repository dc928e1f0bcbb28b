package com.leadprocessor.api.signature;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing or malformed webhook secrets into a short start-up report instead of a trace. */
class InvalidWebhookSecretsFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidWebhookSecretsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidWebhookSecretsException cause) {
    return new FailureAnalysis(
        cause.problem(),
        InvalidWebhookSecretsException.EXPECTED
            + " For a local trial only, leads.webhook.allow-unsigned=true"
            + " (LEADS_WEBHOOK_ALLOW_UNSIGNED=true) accepts unsigned deliveries instead.",
        cause);
  }
}
