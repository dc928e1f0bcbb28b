package com.leadprocessor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Temporal down: the API starts and stays alive, but is not ready, and says why. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "leads.webhook.secrets=" + SignedDeliveries.SECRET,
      "leads.observability.temporal-health-timeout=500ms"
    })
@Timeout(60)
class ReadinessWithoutTemporalTest {

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
  void apiWithoutTemporalIsAliveButNotReady() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness");

    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).contains("\"temporal\":{\"status\":\"DOWN\"");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return new SignedDeliveries(port)
        .client()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
