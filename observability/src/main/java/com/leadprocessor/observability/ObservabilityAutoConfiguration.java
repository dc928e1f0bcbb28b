package com.leadprocessor.observability;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@code temporal} health indicator of both apps. The apps put it in their readiness group in
 * {@code application.yml}; liveness does not include it.
 */
@AutoConfiguration(after = ServiceStubsAutoConfiguration.class)
@ConditionalOnBean(WorkflowServiceStubs.class)
@EnableConfigurationProperties(ObservabilityProperties.class)
public class ObservabilityAutoConfiguration {

  /** Named so that the health contributor is {@code temporal}. */
  @Bean
  TemporalConnectionHealthIndicator temporalHealthIndicator(
      WorkflowServiceStubs stubs, ObservabilityProperties properties, Environment environment) {
    String target =
        environment.getProperty("spring.temporal.test-server.enabled", Boolean.class, false)
            ? "in-memory test server"
            : environment.getProperty("spring.temporal.connection.target", "(none)");
    return new TemporalConnectionHealthIndicator(stubs, target, properties.temporalHealthTimeout());
  }
}
