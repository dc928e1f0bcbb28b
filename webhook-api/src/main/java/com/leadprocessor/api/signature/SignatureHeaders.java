package com.leadprocessor.api.signature;

import com.standardwebhooks.Webhook;
import org.springframework.http.HttpHeaders;

/**
 * The signature headers of one delivery, each {@code null} when absent.
 *
 * @param webhookId Standard Webhooks {@code webhook-id}, the sender's delivery id
 * @param webhookTimestamp Standard Webhooks {@code webhook-timestamp}, unix seconds
 * @param webhookSignature Standard Webhooks {@code webhook-signature}, space-separated {@code
 *     v1,<base64>} entries
 * @param bodySignature {@code sha256=<hex>} from the configured body-signature header ({@value
 *     #DEFAULT_BODY_SIGNATURE_HEADER} unless {@code leads.webhook.body-signature-header} names
 *     another, such as GitHub's {@code X-Hub-Signature-256})
 */
public record SignatureHeaders(
    String webhookId, String webhookTimestamp, String webhookSignature, String bodySignature) {

  public static final String DEFAULT_BODY_SIGNATURE_HEADER = "X-Signature-256";

  /** Reads the signature headers of a request; header names are case-insensitive. */
  public static SignatureHeaders from(HttpHeaders headers, String bodySignatureHeader) {
    return new SignatureHeaders(
        headers.getFirst(Webhook.UNBRANDED_MSG_ID_KEY),
        headers.getFirst(Webhook.UNBRANDED_MSG_TIMESTAMP_KEY),
        headers.getFirst(Webhook.UNBRANDED_MSG_SIGNATURE_KEY),
        headers.getFirst(bodySignatureHeader));
  }

  /**
   * Whether the sender chose Standard Webhooks. A {@code webhook-id} alone does not count: senders
   * that sign the body alone may still send it as their delivery id.
   */
  boolean usesStandardWebhooks() {
    return webhookTimestamp != null || webhookSignature != null;
  }
}
