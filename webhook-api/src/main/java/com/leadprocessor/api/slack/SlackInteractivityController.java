package com.leadprocessor.api.slack;

import com.leadprocessor.api.intake.BoundedBodyReader;
import com.leadprocessor.api.intake.PayloadTooLargeException;
import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import com.leadprocessor.observability.LeadLogContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /slack/interactivity}, the Slack app's Interactivity Request URL: verify Slack's
 * signature on the raw bytes, refuse a request seen before, read the click, and send it to the
 * lead's workflow as an Update. Slack wants its answer within 3 seconds, so the request waits for
 * the Update at most {@code leads.slack.ack-within} and is acknowledged with 200 either way; the
 * clicker learns the outcome from an ephemeral message, which may come later.
 */
@RestController
@Conditional(SlackInteractivityEnabledCondition.class)
class SlackInteractivityController {

  static final String PATH = "/slack/interactivity";

  private static final Logger log = LoggerFactory.getLogger(SlackInteractivityController.class);

  private final BoundedBodyReader bodyReader;
  private final SlackRequestVerifier verifier;
  private final SeenSignatures seen;
  private final AlertClickParser parser;
  private final AlertClicks clicks;
  private final EphemeralReplies replies;
  private final InteractionMetrics metrics;
  private final Duration ackWithin;

  SlackInteractivityController(
      SlackInteractivityProperties properties,
      Clock clock,
      AlertClicks clicks,
      EphemeralReplies replies,
      InteractionMetrics metrics) {
    this.bodyReader = new BoundedBodyReader(properties.maxBodySize());
    this.verifier =
        new SlackRequestVerifier(
            properties.signingSecret(), properties.timestampTolerance(), clock);
    // A request is accepted while its timestamp is within the tolerance either way of now, so
    // its signature is remembered for twice the tolerance after it was first seen.
    this.seen =
        new SeenSignatures(
            properties.timestampTolerance().multipliedBy(2), properties.replayCacheSize(), clock);
    this.parser = new AlertClickParser(new ResponseUrlPolicy(properties.responseUrlHosts()));
    this.ackWithin = properties.ackWithin();
    this.clicks = clicks;
    this.replies = replies;
    this.metrics = metrics;
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> interact(HttpServletRequest request) throws IOException {
    AlertClick click;
    try {
      byte[] body = bodyReader.read(request.getContentLengthLong(), request.getInputStream());
      String signature = request.getHeader(SlackRequestVerifier.SIGNATURE_HEADER);
      verifier.verify(request.getHeader(SlackRequestVerifier.TIMESTAMP_HEADER), signature, body);
      if (!seen.firstTime(signature.strip())) {
        throw new ProblemException(
            ProblemType.REPLAYED_INTERACTION,
            "This signed request was already received; a replay changes nothing.");
      }
      click = parser.parse(body);
    } catch (ProblemException e) {
      metrics.count(outcomeOf(e.type()));
      throw e;
    } catch (PayloadTooLargeException e) {
      metrics.count(InteractionMetrics.Outcome.TOO_LARGE);
      throw e;
    }
    try (LeadLogContext context = LeadLogContext.open(null, click.workflowId())) {
      CompletableFuture<ClickOutcome> outcome =
          clicks.send(click).whenComplete((answer, failure) -> tellClicker(click, answer));
      awaitBriefly(click, outcome);
    }
    return ResponseEntity.ok().build();
  }

  private void tellClicker(AlertClick click, ClickOutcome outcome) {
    metrics.count(InteractionMetrics.Outcome.of(outcome.kind()));
    log.info("Slack click {} on lead {}: {}", click.actionId(), click.workflowId(), outcome.kind());
    replies.tell(click.responseUrl(), click.workflowId(), outcome.text());
  }

  private void awaitBriefly(AlertClick click, CompletableFuture<ClickOutcome> outcome) {
    try {
      outcome.get(ackWithin.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.info(
          "Acknowledged Slack click {} on lead {} before its Update finished; the clicker hears"
              + " later",
          click.actionId(),
          click.workflowId());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // Never: AlertClicks completes every future with an outcome.
    }
  }

  private static InteractionMetrics.Outcome outcomeOf(ProblemType type) {
    return switch (type) {
      case INVALID_SLACK_SIGNATURE -> InteractionMetrics.Outcome.REJECTED_SIGNATURE;
      case REPLAYED_INTERACTION -> InteractionMetrics.Outcome.REPLAYED;
      default -> InteractionMetrics.Outcome.MALFORMED;
    };
  }
}
