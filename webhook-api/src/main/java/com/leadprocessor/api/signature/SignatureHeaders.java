package com.leadprocessor.api.signature;

import org.springframework.http.HttpHeaders;

/**
 * The signature headers of one delivery, each {@code null} when absent.
 *
 * @param webhookId Standard Webhooks {@code webhook-id}, the sender's delivery id
 * @param webhookTimestamp Standard Webhooks {@code webhook-timestamp}, unix seconds
 * @param webhookSignature Standard Webhooks {@code webhook-signature}, space-separated {@code
 *     v1,<base64>} entries
 * @param signature256 {@code X-Signature-256: sha256=<hex>}
 */
public record SignatureHeaders(
    String webhookId, String webhookTimestamp, String webhookSignature, String signature256) {

  public static final String WEBHOOK_ID = "webhook-id";
  public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
  public static final String WEBHOOK_SIGNATURE = "webhook-signature";
  public static final String X_SIGNATURE_256 = "X-Signature-256";

  /** Reads the signature headers of a request; header names are case-insensitive. */
  public static SignatureHeaders from(HttpHeaders headers) {
    return new SignatureHeaders(
        headers.getFirst(WEBHOOK_ID),
        headers.getFirst(WEBHOOK_TIMESTAMP),
        headers.getFirst(WEBHOOK_SIGNATURE),
        headers.getFirst(X_SIGNATURE_256));
  }

  /**
   * Whether the sender chose Standard Webhooks. A {@code webhook-id} alone does not count: senders
   * that sign with {@code X-Signature-256} may still send it as their delivery id.
   */
  boolean usesStandardWebhooks() {
    return webhookTimestamp != null || webhookSignature != null;
  }
}
