package com.leadprocessor.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

@Timeout(30)
class TemporalConnectionHealthIndicatorTest {

  @Test
  void servingTemporalIsUp() {
    try (TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance()) {
      Health health =
          new TemporalConnectionHealthIndicator(
                  temporal.getWorkflowServiceStubs(), "in-memory", Duration.ofSeconds(2))
              .health();

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("status", "SERVING");
    }
  }

  @Test
  void unreachableTemporalIsDownWithinTheDeadline() throws IOException {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort())
                .build());
    try {
      Instant asked = Instant.now();

      Health health =
          new TemporalConnectionHealthIndicator(stubs, "nowhere", Duration.ofMillis(500)).health();

      assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(3));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("target", "nowhere").containsKey("error");
    } finally {
      stubs.shutdownNow();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
