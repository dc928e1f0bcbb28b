package com.leadprocessor.api.start;

import com.leadprocessor.api.erasure.EmailHash;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.serviceclient.rpcretry.DefaultStubServiceOperationRpcRetryOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Temporal side of the intake: a bounded client and the {@link LeadStarter} that uses it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadStartProperties.class)
public class TemporalStartConfiguration {

  @Bean
  LeadStarter leadStarter(
      WorkflowClient client, LeadStartProperties properties, EmailHash emailHash) {
    return new TemporalLeadStarter(client, properties, emailHash);
  }

  /**
   * Bounds every client call by {@code leads.temporal.start-timeout}. Without it, the SDK retries
   * an unreachable server for a minute, far longer than a webhook sender waits, and the sender
   * would get a timeout instead of a 503 with {@code Retry-After}. Queries (the review API's {@code
   * state}) are bounded the same way: without a worker they would otherwise wait the SDK's default
   * 10 seconds. The gRPC channel connects lazily, so start-up does not need Temporal.
   */
  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> boundedStartCalls(
      LeadStartProperties properties) {
    Duration timeout = properties.temporal().startTimeout();
    return builder ->
        builder
            .setRpcTimeout(timeout)
            .setRpcQueryTimeout(timeout)
            .setSystemInfoTimeout(timeout)
            .setRpcRetryOptions(
                RpcRetryOptions.newBuilder(DefaultStubServiceOperationRpcRetryOptions.INSTANCE)
                    .setExpiration(timeout)
                    .build());
  }
}
