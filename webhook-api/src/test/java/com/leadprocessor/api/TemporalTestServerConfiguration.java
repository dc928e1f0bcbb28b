package com.leadprocessor.api;

import com.leadprocessor.workflow.LeadSearchAttributes;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the lead search attributes on the starter's in-memory test server as it is built, as
 * the Compose setup registers them on a real namespace. Without them every start is refused.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TemporalTestServerConfiguration {

  @Bean
  TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> leadSearchAttributes() {
    return builder -> {
      LeadSearchAttributes.ALL.forEach(
          key -> builder.registerSearchAttribute(key.getName(), key.getValueType()));
      return builder;
    };
  }
}
