package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.slack.AlertEscalation;
import com.leadprocessor.workflow.slack.LeadAlert;
import java.time.Duration;

/**
 * What an escalation says: the lead's priority, company and route and how long it has waited, and
 * where to claim it. Never the visitor's email or question: those stay in the alert.
 */
final class EscalationText {

  private EscalationText() {}

  /** The message for an escalation channel, linking the alert. */
  static String inChannel(AlertEscalation escalation, String permalink) {
    return ":rotating_light: Nobody has claimed %s for %s. <%s|Open the alert> and claim it."
        .formatted(describe(escalation.alert()), waited(escalation.waited()), permalink);
  }

  /** The reply in the alert's thread, mentioning the group. */
  static String inThread(AlertEscalation escalation) {
    return ":rotating_light: %s nobody has claimed %s for %s. Claim it with the button above."
        .formatted(
            escalation.escalateTo(), describe(escalation.alert()), waited(escalation.waited()));
  }

  private static String describe(LeadAlert alert) {
    Enrichment enrichment = alert.enrichment();
    String company =
        enrichment == null || enrichment.company() == null || enrichment.company().name() == null
            ? ""
            : " from " + LeadAlertMessage.escape(enrichment.company().name());
    return "this %s priority lead%s (route `%s`)"
        .formatted(
            alert.route().priority(), company, LeadAlertMessage.escape(alert.route().rule()));
  }

  private static String waited(Duration waited) {
    return waited == null ? "a while" : LeadAlertMessage.readable(waited);
  }
}
