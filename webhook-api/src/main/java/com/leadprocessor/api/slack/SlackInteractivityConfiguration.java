package com.leadprocessor.api.slack;

import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * What {@link SlackInteractivityController} needs, only when a signing secret is set: the Updates
 * on Temporal, the ephemeral replies and the interaction counter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackInteractivityProperties.class)
public class SlackInteractivityConfiguration {

  @Bean(destroyMethod = "close")
  @Conditional(SlackInteractivityEnabledCondition.class)
  TemporalAlertClicks alertClicks(WorkflowClient client, SlackInteractivityProperties properties) {
    return new TemporalAlertClicks(client, properties.updateTimeout());
  }

  @Bean
  @Conditional(SlackInteractivityEnabledCondition.class)
  EphemeralReplies ephemeralReplies() {
    return new EphemeralReplies();
  }

  @Bean
  @Conditional(SlackInteractivityEnabledCondition.class)
  InteractionMetrics interactionMetrics(MeterRegistry registry) {
    return new InteractionMetrics(registry);
  }
}
