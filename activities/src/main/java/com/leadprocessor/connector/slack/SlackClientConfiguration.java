package com.leadprocessor.connector.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The Slack Web API client, when alerts are posted for real. */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackModeCondition.Live.class)
class SlackClientConfiguration {

  /** The SDK's HTTP client, closed with the application. */
  @Bean(destroyMethod = "close")
  Slack slack(SlackProperties properties) {
    if (properties.botToken() == null || properties.botToken().isBlank()) {
      throw new IllegalStateException(
          "leads.slack.mode=live needs the Slack bot token: set SLACK_BOT_TOKEN"
              + " (leads.slack.bot-token) to the app's xoxb- token, or set"
              + " leads.slack.mode=dry-run");
    }
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(properties.apiUrl());
    int timeoutMillis = Math.toIntExact(properties.timeout().toMillis());
    config.setHttpClientCallTimeoutMillis(timeoutMillis);
    config.setHttpClientReadTimeoutMillis(timeoutMillis);
    config.setHttpClientWriteTimeoutMillis(timeoutMillis);
    // The SDK's in-memory call statistics would call auth.test and keep a background thread.
    config.setStatsEnabled(false);
    return Slack.getInstance(config);
  }

  @Bean
  MethodsClient slackMethods(Slack slack, SlackProperties properties) {
    return slack.methods(properties.botToken());
  }
}
