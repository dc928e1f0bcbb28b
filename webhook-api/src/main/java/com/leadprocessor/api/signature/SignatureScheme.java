package com.leadprocessor.api.signature;

/** How a delivery proved that it came from a sender holding one of our secrets. */
public enum SignatureScheme {
  /** {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature: v1,<base64>}. */
  STANDARD_WEBHOOKS,
  /** {@code X-Signature-256: sha256=<hex>} over the body alone. */
  X_SIGNATURE_256,
  /** No signature at all, accepted only while {@code leads.webhook.allow-unsigned} is on. */
  UNSIGNED
}
