package com.leadprocessor.observability;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Temporal frontend answers the standard gRPC health check for its workflow service,
 * within a short deadline. It belongs in the readiness group only: a process that cannot reach
 * Temporal should get no traffic, but restarting it would not bring Temporal back.
 */
public class TemporalConnectionHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs stubs;
  private final String target;
  private final Duration timeout;

  /**
   * @param stubs the app's Temporal connection
   * @param target the frontend address shown in the health details
   * @param timeout the deadline of one check
   */
  public TemporalConnectionHealthIndicator(
      WorkflowServiceStubs stubs, String target, Duration timeout) {
    this.stubs = stubs;
    this.target = target;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    Health.Builder health = new Health.Builder().withDetail("target", target);
    try {
      // The raw channel and our own deadline: the stubs' health check would wait for their
      // general RPC timeout, far longer than a readiness probe should.
      HealthCheckResponse.ServingStatus status =
          HealthGrpc.newBlockingStub(stubs.getRawChannel())
              .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .check(
                  HealthCheckRequest.newBuilder()
                      .setService(WorkflowServiceStubs.HEALTH_CHECK_SERVICE_NAME)
                      .build())
              .getStatus();
      health.withDetail("status", status.name());
      return status == HealthCheckResponse.ServingStatus.SERVING
          ? health.up().build()
          : health.down().build();
    } catch (StatusRuntimeException e) {
      return health.down().withDetail("error", e.getStatus().getCode().name()).build();
    }
  }
}
