package com.leadprocessor.api.signature;

import com.standardwebhooks.Webhook;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code POST /webhooks/lead-capture} authenticates and bounds deliveries.
 *
 * @param secrets the active shared secrets ({@code LEADS_WEBHOOK_SECRETS}, comma-separated so that
 *     an old and a new secret can both be active during a rotation). {@code whsec_<base64>} is a
 *     Standard Webhooks secret whose key is the decoded bytes; any other value is used as UTF-8
 *     bytes. Required unless {@code allowUnsigned}.
 * @param allowUnsigned accept deliveries without any signature header ({@code
 *     LEADS_WEBHOOK_ALLOW_UNSIGNED}); for local trials only, announced at WARN. Deliveries that do
 *     carry signature headers are still verified.
 * @param timestampTolerance how far a Standard Webhooks {@code webhook-timestamp} may be from the
 *     server's time, in either direction, before the delivery is refused as a replay (bare numbers
 *     are seconds)
 * @param maxBodySize the largest body accepted; larger ones get 413 without being read to the end
 * @param bodySignatureHeader the header that carries {@code sha256=<hex>} over the body alone
 *     ({@code LEADS_WEBHOOK_BODY_SIGNATURE_HEADER}); {@code X-Hub-Signature-256} lets a sender that
 *     signs the way GitHub does deliver unchanged
 */
@Validated
@ConfigurationProperties("leads.webhook")
public record WebhookProperties(
    List<String> secrets,
    @DefaultValue("false") boolean allowUnsigned,
    @NotNull @DefaultValue("5m") @DurationUnit(ChronoUnit.SECONDS) Duration timestampTolerance,
    @NotNull @DefaultValue("64KB") DataSize maxBodySize,
    @DefaultValue(SignatureHeaders.DEFAULT_BODY_SIGNATURE_HEADER) String bodySignatureHeader) {

  static final DataSize LARGEST_MAX_BODY_SIZE = DataSize.ofMegabytes(16);

  /** An HTTP field name: an RFC 9110 token. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  public WebhookProperties {
    secrets =
        secrets == null
            ? List.of()
            : secrets.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    if (timestampTolerance != null
        && (timestampTolerance.isNegative() || timestampTolerance.isZero())) {
      throw new IllegalArgumentException(
          "leads.webhook.timestamp-tolerance must be positive, for example 5m");
    }
    if (maxBodySize != null
        && (maxBodySize.toBytes() <= 0
            || maxBodySize.toBytes() > LARGEST_MAX_BODY_SIZE.toBytes())) {
      throw new IllegalArgumentException(
          "leads.webhook.max-body-size must be between 1B and 16MB, for example 64KB");
    }
    bodySignatureHeader = bodySignatureHeader == null ? "" : bodySignatureHeader.strip();
    if (!HEADER_NAME.matcher(bodySignatureHeader).matches()) {
      throw new IllegalArgumentException(
          "leads.webhook.body-signature-header (LEADS_WEBHOOK_BODY_SIGNATURE_HEADER) must be an"
              + " HTTP header name of letters, digits and !#$%&'*+-.^_`|~, for example "
              + SignatureHeaders.DEFAULT_BODY_SIGNATURE_HEADER
              + " (the default) or X-Hub-Signature-256");
    }
    if (Stream.of(
            Webhook.UNBRANDED_MSG_ID_KEY,
            Webhook.UNBRANDED_MSG_TIMESTAMP_KEY,
            Webhook.UNBRANDED_MSG_SIGNATURE_KEY)
        .anyMatch(bodySignatureHeader::equalsIgnoreCase)) {
      throw new IllegalArgumentException(
          "leads.webhook.body-signature-header must not be a Standard Webhooks header"
              + " (webhook-id, webhook-timestamp, webhook-signature); for example "
              + SignatureHeaders.DEFAULT_BODY_SIGNATURE_HEADER
              + " or X-Hub-Signature-256");
    }
  }
}
