package com.leadprocessor.api.intake;

import com.leadprocessor.api.signature.SignatureConfiguration;
import com.leadprocessor.api.signature.WebhookProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What {@link LeadCaptureController} needs besides a {@code LeadStarter}. */
@Configuration(proxyBeanMethods = false)
@Import(SignatureConfiguration.class)
public class IntakeConfiguration {

  /** The server's time; tests replace it to control timestamp tolerance. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  BoundedBodyReader boundedBodyReader(WebhookProperties properties) {
    return new BoundedBodyReader(properties.maxBodySize());
  }

  @Bean
  LeadEventParser leadEventParser() {
    return new LeadEventParser();
  }
}
