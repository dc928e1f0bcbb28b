package com.leadprocessor.e2e.benchmark;

import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eEnvironment;
import com.leadprocessor.e2e.harness.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** {@link BareWebhookEndpoint} as its own process, with the same JVM options as the apps. */
final class BareEndpointProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private BareEndpointProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static BareEndpointProcess start(String secret, List<String> jvmOptions) {
    int port = FreePorts.next();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BareWebhookEndpoint.class.getName(),
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--spring.main.banner-mode=off"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                E2eEnvironment.buildSubdir("e2e-logs").resolve("bare-endpoint.log").toFile());
    builder.environment().put("BARE_WEBHOOK_SECRET", secret);
    try {
      Process process = builder.start();
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> !process.isAlive() || FreePorts.isListening(port));
      } catch (ConditionTimeoutException e) {
        // Fall through to the check below.
      }
      if (!process.isAlive() || !FreePorts.isListening(port)) {
        process.destroyForcibly();
        throw new IllegalStateException("The bare endpoint did not start; see bare-endpoint.log");
      }
      return new BareEndpointProcess(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
