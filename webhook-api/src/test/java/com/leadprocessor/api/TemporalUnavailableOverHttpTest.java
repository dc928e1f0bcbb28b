package com.leadprocessor.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app pointed at a port where nothing listens: it must still start, and a delivery must get a
 * 503 with {@code Retry-After}. The sender gets it within the start timeout because every client
 * call, the SDK's own retries included, is bounded by it instead of the SDK's default minute.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "leads.webhook.secrets=" + SignedDeliveries.SECRET,
      "leads.temporal.start-timeout=1s",
      "leads.temporal.retry-after=7s"
    })
@Timeout(60)
class TemporalUnavailableOverHttpTest {

  @DynamicPropertySource
  static void temporalOnAClosedPort(DynamicPropertyRegistry registry) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + closedPort);
  }

  @LocalServerPort int port;

  @Autowired WorkflowServiceStubs temporal;

  @Test
  void unreachableTemporalIsAnswered503WithRetryAfter() throws Exception {
    SignedDeliveries deliveries = new SignedDeliveries(port);

    HttpResponse<String> response =
        deliveries.send(deliveries.signed(TestEvents.exampleFor("conv-unreachable")));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"type\":\"https://lead-processor.dev/problems/service-unavailable\"")
        .contains("\"status\":503")
        .contains("after 7 seconds")
        .doesNotContain("UNAVAILABLE")
        .doesNotContain("Exception");
  }

  @Test
  void everyTemporalCallAndItsRetriesAreBoundedByTheStartTimeout() {
    WorkflowServiceStubsOptions options = temporal.getOptions();

    assertThat(options.getRpcTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.getRpcRetryOptions().getExpiration()).isEqualTo(Duration.ofSeconds(1));
  }
}
