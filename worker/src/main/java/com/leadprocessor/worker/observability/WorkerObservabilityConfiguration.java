package com.leadprocessor.worker.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.worker.WorkerFactory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The worker's lead context in logs, its alert latency metric and its graceful shutdown. */
@Configuration(proxyBeanMethods = false)
class WorkerObservabilityConfiguration {

  /** Picked up by the Temporal starter, which gives every {@code WorkerInterceptor} bean. */
  @Bean
  LeadContextWorkerInterceptor leadContextWorkerInterceptor(MeterRegistry registry) {
    return new LeadContextWorkerInterceptor(registry, Clock.systemUTC());
  }

  @Bean
  GracefulWorkerShutdown gracefulWorkerShutdown(
      WorkerFactory workerFactory, WorkerShutdownProperties properties) {
    return new GracefulWorkerShutdown(workerFactory, properties);
  }
}
