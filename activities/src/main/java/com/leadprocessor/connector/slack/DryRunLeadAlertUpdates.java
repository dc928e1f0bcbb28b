package com.leadprocessor.connector.slack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.leadprocessor.workflow.slack.AlertEscalation;
import com.leadprocessor.workflow.slack.AlertUpdate;
import com.leadprocessor.workflow.slack.LeadAlertUpdates;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.util.json.GsonFactory;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Slack without a token: logs the {@code chat.update} that would rewrite the alert and the
 * escalation that would be posted, and answers as if they were sent.
 */
@Component
@Conditional(SlackModeCondition.DryRun.class)
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class DryRunLeadAlertUpdates implements LeadAlertUpdates {

  private static final Logger log = LoggerFactory.getLogger(DryRunLeadAlertUpdates.class);

  private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
  private static final Gson PRETTY =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final LeadAlertMessage message;
  private final SlackProperties properties;

  public DryRunLeadAlertUpdates(LeadAlertMessage message, SlackProperties properties) {
    this.message = message;
    this.properties = properties;
  }

  @Override
  public void updateLeadAlert(AlertUpdate update) {
    ChatUpdateRequest request =
        message.update(update, properties.channelFor(update.alert().route()));
    log.info(
        "Slack DRY RUN, would POST {}chat.update:\n{}",
        properties.apiUrl(),
        PRETTY.toJson(JsonParser.parseString(SLACK_JSON.toJson(request))));
  }

  @Override
  public SlackMessage escalate(AlertEscalation escalation) {
    boolean mention = EscalationTargets.isMention(escalation.escalateTo());
    String channel = mention ? escalation.message().channel() : escalation.escalateTo();
    log.info(
        "Slack DRY RUN, would POST {}chat.postMessage to {}{}:\n{}",
        properties.apiUrl(),
        channel,
        mention ? " in the alert's thread" : "",
        mention
            ? EscalationText.inThread(escalation)
            : EscalationText.inChannel(escalation, "<permalink of the alert>"));
    return new SlackMessage(channel, "dry-run");
  }
}
