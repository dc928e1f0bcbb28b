package com.leadprocessor.api.observability;

import com.leadprocessor.api.signature.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's own metrics. A configuration rather than a scanned filter, so that {@code @WebMvcTest}
 * slices, which have no meter registry, leave it out.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

  @Bean
  FilterRegistrationBean<WebhookMetricsFilter> webhookMetricsFilter(
      MeterRegistry registry, WebhookProperties webhook) {
    FilterRegistrationBean<WebhookMetricsFilter> registration =
        new FilterRegistrationBean<>(
            new WebhookMetricsFilter(registry, webhook.bodySignatureHeader()));
    registration.addUrlPatterns(WebhookMetricsFilter.PATH);
    return registration;
  }
}
