package com.leadprocessor.api;

import com.leadprocessor.api.review.ReviewApiProperties;
import com.leadprocessor.api.signature.WebhookProperties;
import com.leadprocessor.api.slack.SlackInteractivityProperties;
import com.leadprocessor.api.start.LeadStartProperties;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says once, when the app is ready, where leads go and how they are checked, so that a wrong
 * Temporal address or a missing secret is obvious from the first screen of the log. Never logs a
 * secret, only how many there are.
 */
@Component
class StartupReport {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final Environment environment;
  private final WebhookProperties webhook;
  private final LeadStartProperties start;
  private final ReviewApiProperties review;
  private final SlackInteractivityProperties slack;

  StartupReport(
      Environment environment,
      WebhookProperties webhook,
      LeadStartProperties start,
      ReviewApiProperties review,
      SlackInteractivityProperties slack) {
    this.environment = environment;
    this.webhook = webhook;
    this.start = start;
    this.review = review;
    this.slack = slack;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    log.info(
        "Lead webhook API ready: POST {} ; Temporal {} namespace '{}', task queue '{}' (start"
            + " timeout {}, Retry-After {}); signatures: Standard Webhooks and {}"
            + " (body HMAC) with {} active secret(s), timestamp tolerance {}, max body {} bytes; unsigned"
            + " deliveries {}; {}; {}; review backlog gauge leads.review.backlog refreshed every {}",
        postUrl(event),
        temporalTarget(),
        environment.getProperty("spring.temporal.namespace", "default"),
        start.taskQueue(),
        readable(start.temporal().startTimeout()),
        readable(start.temporal().retryAfter()),
        webhook.bodySignatureHeader(),
        webhook.secrets().size(),
        readable(webhook.timestampTolerance()),
        webhook.maxBodySize().toBytes(),
        webhook.allowUnsigned() ? "ACCEPTED (local trial only!)" : "refused",
        reviewApi(event),
        slackInteractivity(event),
        readable(review.backlogRefresh()));
  }

  private String reviewApi(ApplicationReadyEvent event) {
    if (!review.apiEnabled()) {
      return "review API DISABLED (no leads.review.api-tokens / LEADS_REVIEW_API_TOKENS), so /leads"
          + " does not exist";
    }
    return "review API enabled at "
        + baseUrl(event)
        + "/leads with "
        + review.apiTokens().size()
        + " bearer token(s)";
  }

  private String slackInteractivity(ApplicationReadyEvent event) {
    if (!slack.enabled()) {
      return "Slack interactivity OFF (no leads.slack.signing-secret / SLACK_SIGNING_SECRET), so"
          + " /slack/interactivity does not exist and alert buttons cannot be clicked";
    }
    return "Slack interactivity at "
        + baseUrl(event)
        + "/slack/interactivity (signing secret set, timestamp tolerance "
        + readable(slack.timestampTolerance())
        + ", acknowledged within "
        + readable(slack.ackWithin())
        + ", answers to "
        + String.join(",", slack.responseUrlHosts())
        + ")";
  }

  private static String readable(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private String temporalTarget() {
    if (environment.getProperty("spring.temporal.test-server.enabled", Boolean.class, false)) {
      return "in-memory test server";
    }
    return "at " + environment.getProperty("spring.temporal.connection.target", "(none)");
  }

  private String postUrl(ApplicationReadyEvent event) {
    return baseUrl(event) + "/webhooks/lead-capture";
  }

  private String baseUrl(ApplicationReadyEvent event) {
    String contextPath = environment.getProperty("server.servlet.context-path", "");
    String port =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? Integer.toString(web.getWebServer().getPort())
            : environment.getProperty("server.port", "8080");
    return "http://127.0.0.1:" + port + contextPath;
  }
}
