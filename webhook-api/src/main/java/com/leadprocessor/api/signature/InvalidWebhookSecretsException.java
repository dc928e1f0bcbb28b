package com.leadprocessor.api.signature;

/** The configured webhook secrets cannot be used; start-up stops with this message. */
public class InvalidWebhookSecretsException extends RuntimeException {

  static final String EXPECTED =
      "Set leads.webhook.secrets (environment variable LEADS_WEBHOOK_SECRETS) to one or more"
          + " comma-separated secrets, each either whsec_<base64> (a Standard Webhooks secret; the"
          + " key is the decoded bytes) or any other string (used as its UTF-8 bytes). Several"
          + " secrets may be active at once for rotation.";

  private final String problem;

  InvalidWebhookSecretsException(String problem) {
    super(problem + " " + EXPECTED);
    this.problem = problem;
  }

  /** What is wrong, without the explanation of what is expected. */
  String problem() {
    return problem;
  }
}
