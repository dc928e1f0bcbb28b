package com.leadprocessor.api.erasure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The email hash the intake stamps on every lead and the erasure request searches by. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErasureProperties.class)
public class ErasureConfiguration {

  @Bean
  EmailHash emailHash(ErasureProperties properties) {
    return EmailHash.of(properties);
  }
}
