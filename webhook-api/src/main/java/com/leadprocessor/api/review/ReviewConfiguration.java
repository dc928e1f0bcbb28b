package com.leadprocessor.api.review;

import com.leadprocessor.api.erasure.EmailHash;
import com.leadprocessor.api.erasure.ErasureProperties;
import com.leadprocessor.api.start.LeadStartProperties;
import com.leadprocessor.workflow.LeadStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Temporal side of review: the {@link LeadDirectory} the review API reads and signals through,
 * and the review backlog gauge, which exists whether or not the review API is enabled. Temporal
 * calls are bounded by {@code leads.temporal.start-timeout} and a 503 carries {@code
 * leads.temporal.retry-after}, like the intake's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewApiProperties.class)
public class ReviewConfiguration {

  @Bean
  LeadDirectory leadDirectory(WorkflowClient client, LeadStartProperties start) {
    return new TemporalLeadDirectory(
        client, start.temporal().startTimeout(), start.temporal().retryAfter());
  }

  @Bean
  LeadErasure leadErasure(
      WorkflowClient client,
      EmailHash emailHash,
      ErasureProperties erasure,
      LeadStartProperties start) {
    return new TemporalLeadErasure(
        client,
        emailHash,
        erasure.legacyScanLimit(),
        start.temporal().startTimeout(),
        start.temporal().retryAfter());
  }

  @Bean
  ReviewBacklogGauge reviewBacklogGauge(
      LeadDirectory directory, MeterRegistry registry, ReviewApiProperties properties) {
    String query = LeadQueries.inReview();
    String delayed = LeadQueries.byStatus(LeadStatus.DELAYED, null);
    return new ReviewBacklogGauge(
        () -> directory.count(query),
        () -> directory.count(delayed),
        registry,
        properties.backlogRefresh());
  }
}
