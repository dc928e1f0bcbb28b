package com.leadprocessor.connector.slack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.leadprocessor.connector.ConnectorStatus;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.util.json.GsonFactory;
import io.temporal.spring.boot.ActivityImpl;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Slack without a token: logs exactly the {@code chat.postMessage} request that would be sent, as
 * the Slack SDK serialises it, and answers as if it were posted. The payload is logged unmasked on
 * purpose, to show what Slack would get.
 */
@Component
@Conditional(SlackModeCondition.DryRun.class)
@ActivityImpl(taskQueues = {"${leads.slack.task-queue}", "${leads.task-queue}"})
public class DryRunSlackAlertActivities implements SlackAlertActivities, ConnectorStatus {

  private static final Logger log = LoggerFactory.getLogger(DryRunSlackAlertActivities.class);

  private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

  /** Indents for people; unlike the SDK it leaves {@code <>&} unescaped, the same JSON value. */
  private static final Gson PRETTY =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final LeadAlertMessage message;
  private final SlackProperties properties;

  public DryRunSlackAlertActivities(LeadAlertMessage message, SlackProperties properties) {
    this.message = message;
    this.properties = properties;
    log.warn(
        "Slack DRY RUN (leads.slack.mode={}, SLACK_BOT_TOKEN {}): lead alerts are logged, not"
            + " posted",
        properties.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        properties.botToken() == null || properties.botToken().isBlank() ? "not set" : "set");
  }

  @Override
  public SlackMessage postLeadAlert(LeadAlert alert) {
    ChatPostMessageRequest request = message.build(alert, properties.channelFor(alert.route()));
    log.info(
        "Slack DRY RUN, would POST {}chat.postMessage:\n{}", properties.apiUrl(), json(request));
    return new SlackMessage(request.getChannel(), "dry-run");
  }

  /** The request as the Slack SDK writes it, indented for people to read. */
  static String json(ChatPostMessageRequest request) {
    return PRETTY.toJson(JsonParser.parseString(SLACK_JSON.toJson(request)));
  }

  @Override
  public String describe() {
    return "Slack: DRY RUN (alerts are logged, not posted; set SLACK_BOT_TOKEN to post)";
  }
}
