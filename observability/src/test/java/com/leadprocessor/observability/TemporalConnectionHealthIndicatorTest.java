package com.leadprocessor.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
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
  void unreachableTemporalIsDown() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Health health = healthOf("127.0.0.1:" + closedPort);

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("target", "nowhere")
        .containsEntry("error", "UNAVAILABLE");
  }

  @Test
  void serverThatNeverAnswersIsDownAtTheCheckDeadline() throws IOException {
    // Accepts connections and never says a word: only the check's own deadline ends the wait.
    try (ServerSocket silent = new ServerSocket(0)) {
      Health health = healthOf("127.0.0.1:" + silent.getLocalPort());

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("error", "DEADLINE_EXCEEDED");
    }
  }

  private static Health healthOf(String target) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      return new TemporalConnectionHealthIndicator(stubs, "nowhere", Duration.ofMillis(500))
          .health();
    } finally {
      stubs.shutdownNow();
    }
  }
}
