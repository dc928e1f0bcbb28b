package com.leadprocessor.api.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;

class WebhookSecretsStartupTest {

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(SignatureConfiguration.class)
          .withBean(Clock.class, Clock::systemUTC);

  @Test
  void startupFailsWithoutSecretsAndSaysWhatToSet() {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure())
              .rootCause()
              .isInstanceOf(InvalidWebhookSecretsException.class)
              .hasMessageContaining("No webhook secret is configured")
              .hasMessageContaining("leads.webhook.secrets")
              .hasMessageContaining("LEADS_WEBHOOK_SECRETS")
              .hasMessageContaining("whsec_<base64>");
        });
  }

  @Test
  void startupFailsOnAWhsecSecretThatIsNotBase64WithoutLoggingIt() {
    runner
        .withPropertyValues(
            "leads.webhook.secrets=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw,whsec_n0t!b64")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("secret #2 of leads.webhook.secrets is invalid")
                  .hasMessageContaining("not valid base64")
                  .hasMessageNotContaining("n0t!b64")
                  .hasMessageNotContaining("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            });
  }

  @Test
  void startupFailureIsReportedWithTheUnsignedOptOut() {
    FailureAnalysis analysis =
        new InvalidWebhookSecretsFailureAnalyzer()
            .analyze(new InvalidWebhookSecretsException("No webhook secret is configured."));

    assertThat(analysis.getDescription()).isEqualTo("No webhook secret is configured.");
    assertThat(analysis.getAction())
        .contains("LEADS_WEBHOOK_SECRETS", "whsec_<base64>", "LEADS_WEBHOOK_ALLOW_UNSIGNED=true");
  }

  @Test
  void unsignedOptOutStartsWithoutSecrets() {
    runner
        .withPropertyValues("leads.webhook.allow-unsigned=true")
        .run(
            context ->
                assertThat(context).hasNotFailed().hasSingleBean(WebhookSignatureVerifier.class));
  }

  @Test
  void secretsFromTheEnvironmentVariableAreSplitOnCommas() {
    runner
        .withPropertyValues(
            "leads.webhook.secrets=first-secret, whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        .run(
            context ->
                assertThat(context.getBean(WebhookProperties.class).secrets())
                    .containsExactly("first-secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
  }

  @Test
  void nonPositiveToleranceFailsStartup() {
    runner
        .withPropertyValues("leads.webhook.secrets=s", "leads.webhook.timestamp-tolerance=0s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("leads.webhook.timestamp-tolerance must be positive"));
  }

  @Test
  void bodySignatureHeaderDefaultsToXSignature256() {
    runner
        .withPropertyValues("leads.webhook.secrets=s")
        .run(
            context ->
                assertThat(context.getBean(WebhookProperties.class).bodySignatureHeader())
                    .isEqualTo("X-Signature-256"));
  }

  @Test
  void configuredBodySignatureHeaderReachesTheVerifier() {
    runner
        .withPropertyValues(
            "leads.webhook.secrets=s", "leads.webhook.body-signature-header= X-Hub-Signature-256 ")
        .run(
            context -> {
              HttpHeaders headers = new HttpHeaders();
              headers.set("X-Hub-Signature-256", TestSignatures.signature256("s", "{}"));

              assertThat(
                      context
                          .getBean(WebhookSignatureVerifier.class)
                          .verify(headers, "{}".getBytes(StandardCharsets.UTF_8)))
                  .isEqualTo(SignatureScheme.BODY_HMAC);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "X Hub Signature", "X-Signature:256", "Signatüre"})
  void blankOrInvalidBodySignatureHeaderFailsStartupNamingTheProperty(String header) {
    runner
        .withPropertyValues(
            "leads.webhook.secrets=s", "leads.webhook.body-signature-header=" + header)
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("leads.webhook.body-signature-header")
                    .hasMessageContaining("LEADS_WEBHOOK_BODY_SIGNATURE_HEADER")
                    .hasMessageContaining("must be an HTTP header name"));
  }

  @Test
  void standardWebhooksHeaderCannotCarryTheBodySignature() {
    runner
        .withPropertyValues(
            "leads.webhook.secrets=s", "leads.webhook.body-signature-header=Webhook-Signature")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining(
                        "leads.webhook.body-signature-header must not be a Standard Webhooks"
                            + " header"));
  }
}
