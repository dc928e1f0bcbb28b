package com.leadprocessor.e2e.benchmark;

import com.leadprocessor.e2e.harness.E2eEnvironment;
import com.leadprocessor.e2e.harness.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!FreePorts.isListening(port)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("The bare endpoint did not start; see bare-endpoint.log");
        }
        Thread.sleep(200);
      }
      return new BareEndpointProcess(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
