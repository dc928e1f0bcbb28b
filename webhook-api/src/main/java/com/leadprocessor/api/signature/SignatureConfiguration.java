package com.leadprocessor.api.signature;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link WebhookSignatureVerifier} from {@link WebhookProperties}, failing fast. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class SignatureConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SignatureConfiguration.class);

  @Bean
  WebhookSignatureVerifier webhookSignatureVerifier(WebhookProperties properties, Clock clock) {
    List<WebhookSecret> secrets = parseSecrets(properties.secrets());
    if (secrets.isEmpty()) {
      if (!properties.allowUnsigned()) {
        throw new InvalidWebhookSecretsException("No webhook secret is configured.");
      }
      log.warn(
          "!!! leads.webhook.allow-unsigned=true and no secret is configured: ANY caller can"
              + " create leads. This is for a local trial only; set LEADS_WEBHOOK_SECRETS and"
              + " remove LEADS_WEBHOOK_ALLOW_UNSIGNED before exposing this service. !!!");
    } else if (properties.allowUnsigned()) {
      log.warn(
          "!!! leads.webhook.allow-unsigned=true: deliveries WITHOUT a signature are accepted;"
              + " signed ones are still verified. This is for a local trial only. !!!");
    }
    return new WebhookSignatureVerifier(
        secrets,
        properties.timestampTolerance(),
        properties.allowUnsigned(),
        properties.bodySignatureHeader(),
        clock);
  }

  private static List<WebhookSecret> parseSecrets(List<String> configured) {
    List<WebhookSecret> secrets = new ArrayList<>();
    for (int i = 0; i < configured.size(); i++) {
      try {
        secrets.add(WebhookSecret.parse(configured.get(i)));
      } catch (IllegalArgumentException e) {
        // The message names the entry by position only: a secret must never reach a log.
        throw new InvalidWebhookSecretsException(
            "Webhook secret #"
                + (i + 1)
                + " of leads.webhook.secrets is invalid: "
                + e.getMessage()
                + ".");
      }
    }
    return secrets;
  }
}
