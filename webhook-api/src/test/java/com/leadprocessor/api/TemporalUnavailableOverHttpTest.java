package com.leadprocessor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app pointed at a port where nothing listens: it must still start, and a delivery must get a
 * 503 with {@code Retry-After} within the start timeout instead of hanging for the SDK's default
 * minute of retries.
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

  @Test
  void unreachableTemporalIsAnswered503WithRetryAfterWithinTheStartTimeout() throws Exception {
    SignedDeliveries deliveries = new SignedDeliveries(port);
    Instant sent = Instant.now();

    HttpResponse<String> response =
        deliveries.send(deliveries.signed(TestEvents.exampleFor("conv-unreachable")));

    assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(5));
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
}
