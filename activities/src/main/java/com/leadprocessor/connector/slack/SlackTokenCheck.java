package com.leadprocessor.connector.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Calls {@code auth.test} once at start-up, before the workers poll: the log says which workspace
 * and bot the token belongs to, or why Slack refused it, instead of the first lead finding out. It
 * also opens the HTTP client's connection and loads the SDK before the first alert is sent. A
 * refusal or an outage is logged, not fatal: alerts wait in their queues and retry until Slack
 * answers.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
class SlackTokenCheck implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(SlackTokenCheck.class);

  private final MethodsClient slack;
  private final SlackProperties properties;

  SlackTokenCheck(MethodsClient slack, SlackProperties properties) {
    this.slack = slack;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      AuthTestResponse answer = slack.authTest(request -> request);
      if (answer.isOk()) {
        log.info(
            "Slack token checked at {}: workspace {} ({}), bot user {}",
            properties.apiUrl(),
            answer.getTeam(),
            answer.getTeamId(),
            answer.getUserId());
      } else {
        log.warn(
            "Slack refused the bot token at {} (auth.test: {}); alerts will fail until"
                + " SLACK_BOT_TOKEN is a valid xoxb- token of the app",
            properties.apiUrl(),
            answer.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn(
          "Could not check the Slack token at {} ({}); alerts wait and retry until Slack answers",
          properties.apiUrl(),
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
