package com.leadprocessor.api.observability;

import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every delivery to the webhook by what it was answered ({@value #RECEIVED}, tag {@code
 * outcome}) and every refused signature by the scheme the sender tried ({@value
 * #SIGNATURE_FAILURES}, tag {@code scheme}). It reads only the status the intake answered with, so
 * it counts exactly what the sender saw and needs no hook inside the intake code.
 */
class WebhookMetricsFilter extends OncePerRequestFilter {

  static final String PATH = "/webhooks/lead-capture";
  static final String RECEIVED = "leads.webhook.received";
  static final String SIGNATURE_FAILURES = "leads.webhook.signature.failures";

  private final Map<WebhookOutcome, Counter> received = new EnumMap<>(WebhookOutcome.class);
  private final Map<SignatureScheme, Counter> signatureFailures =
      new EnumMap<>(SignatureScheme.class);
  private final String bodySignatureHeader;

  /**
   * Registers every counter at start-up, so dashboards see zeros rather than gaps.
   *
   * @param bodySignatureHeader the configured header of the body HMAC scheme
   */
  WebhookMetricsFilter(MeterRegistry registry, String bodySignatureHeader) {
    this.bodySignatureHeader = bodySignatureHeader;
    Arrays.stream(WebhookOutcome.values())
        .forEach(
            outcome ->
                received.put(
                    outcome,
                    Counter.builder(RECEIVED)
                        .description("Lead webhook deliveries by how they were answered")
                        .tag("outcome", outcome.tag())
                        .register(registry)));
    Arrays.stream(SignatureScheme.values())
        .forEach(
            scheme ->
                signatureFailures.put(
                    scheme,
                    Counter.builder(SIGNATURE_FAILURES)
                        .description(
                            "Lead webhook deliveries refused for a missing, wrong or stale"
                                + " signature, by the scheme the sender used")
                        .tag("scheme", scheme.tag())
                        .register(registry)));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !PATH.equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      WebhookOutcome outcome =
          failed ? WebhookOutcome.ERROR : WebhookOutcome.forStatus(response.getStatus());
      received.get(outcome).increment();
      if (outcome == WebhookOutcome.REJECTED_SIGNATURE) {
        signatureFailures.get(SignatureScheme.of(request, bodySignatureHeader)).increment();
      }
    }
  }

  /** The signature scheme a refused delivery tried, from its headers. */
  enum SignatureScheme {
    STANDARD_WEBHOOKS,
    /** The body HMAC; its tag keeps this name whichever header is configured to carry it. */
    X_SIGNATURE_256,
    NONE;

    static SignatureScheme of(HttpServletRequest request, String bodySignatureHeader) {
      if (request.getHeader(Webhook.UNBRANDED_MSG_SIGNATURE_KEY) != null
          || request.getHeader(Webhook.UNBRANDED_MSG_TIMESTAMP_KEY) != null) {
        return STANDARD_WEBHOOKS;
      }
      return request.getHeader(bodySignatureHeader) != null ? X_SIGNATURE_256 : NONE;
    }

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
