package com.leadprocessor.api.signature;

/** How a delivery proved that it came from a sender holding one of our secrets. */
public enum SignatureScheme {
  /** {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature: v1,<base64>}. */
  STANDARD_WEBHOOKS,
  /**
   * {@code sha256=<hex>} over the body alone, in the configured body-signature header ({@code
   * X-Signature-256} by default, GitHub's {@code X-Hub-Signature-256} when so configured).
   */
  BODY_HMAC,
  /** No signature at all, accepted only while {@code leads.webhook.allow-unsigned} is on. */
  UNSIGNED
}
