package com.leadprocessor.connector.slack;

import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.connector.TemporalUiLinks;
import com.leadprocessor.connector.TemporalUiProperties;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import java.time.Duration;
import java.util.List;

/** The live Slack connector wired as Spring wires it, against a Slack emulation. */
final class SlackConnectorFixture implements AutoCloseable {

  static final String TOKEN = "xoxb-test-token";
  static final String WORKFLOW_ID = "lead-conv-12345";

  final SlackEmulation emulation = SlackEmulation.start().expectToken(TOKEN);
  final SlackProperties properties;
  final TemporalUiLinks temporalUi =
      new TemporalUiLinks(new TemporalUiProperties("http://localhost:8233"), "default");
  private final Slack slack;
  final MethodsClient methods;
  final LiveSlackAlertActivities activities;

  SlackConnectorFixture() {
    this(1.0);
  }

  /** A connector that paces each channel to {@code messagesPerSecond}. */
  SlackConnectorFixture(double messagesPerSecond) {
    this(messagesPerSecond, SlackPacingProperties.defaults(), java.util.Set.of());
  }

  /**
   * A connector that paces each channel to {@code messagesPerSecond}, with these channels on queues
   * of their own.
   */
  SlackConnectorFixture(
      double messagesPerSecond, SlackPacingProperties pacing, java.util.Set<String> paced) {
    properties =
        new SlackProperties(
            SlackMode.LIVE,
            TOKEN,
            emulation.baseUrl(),
            "#sales-leads",
            "#lead-review",
            messagesPerSecond,
            Duration.ofSeconds(10));
    slack = new SlackClientConfiguration().slack(properties);
    methods = new SlackClientConfiguration().slackMethods(slack, properties);
    ChannelPacer pacer = new ChannelPacer(properties);
    activities =
        new LiveSlackAlertActivities(
            methods,
            new LeadAlertMessage(temporalUi),
            new PostedAlertLookup(methods),
            pacer,
            properties,
            new PacedChannels(paced, pacing),
            new BusyChannelThreads(methods, pacer, properties, pacing));
  }

  /** The routed alert of another lead, for bursts. */
  static LeadAlert routedAlert(String workflowId) {
    LeadAlert routed = routedAlert();
    return new LeadAlert(
        workflowId,
        routed.event(),
        routed.email(),
        routed.route(),
        routed.enrichment(),
        routed.crmLead(),
        null);
  }

  static LeadAlert routedAlert() {
    return new LeadAlert(
        WORKFLOW_ID,
        ExampleLead.event(),
        "potential.lead@example.com",
        ExampleLead.enterpriseRoute(),
        ExampleLead.acmeEnrichment(),
        new CrmLead(
            "00Q5g00000AbCdE",
            "https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000AbCdE/view",
            true),
        null);
  }

  /** The routed alert of a run after a reviewer's retry: the first run started at {@code since}. */
  static LeadAlert retriedAlert(java.time.Instant since) {
    LeadAlert routed = routedAlert();
    return new LeadAlert(
        routed.workflowId(),
        routed.event(),
        routed.email(),
        routed.route(),
        routed.enrichment(),
        routed.crmLead(),
        since);
  }

  static LeadAlert unroutedAlert() {
    LeadAlert routed = routedAlert();
    return new LeadAlert(
        routed.workflowId(),
        routed.event(),
        routed.email(),
        new Route("unrouted", null, null, LeadPriority.NORMAL, List.of()),
        routed.enrichment(),
        routed.crmLead(),
        null);
  }

  @Override
  public void close() throws Exception {
    slack.close();
    emulation.close();
  }
}
