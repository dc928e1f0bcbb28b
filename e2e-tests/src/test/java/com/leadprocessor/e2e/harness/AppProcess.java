package com.leadprocessor.e2e.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One packaged Spring Boot app, run as its own OS process with {@code java -jar}, its output in
 * {@code target/e2e-logs/NAME.log} (appended across restarts).
 */
public final class AppProcess {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Small, fast-starting JVMs: the machine runs the dev server, three apps and a browser at once.
   */
  static final List<String> SUITE_JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

  /** Environment the test JVM may have inherited that would change how the apps behave. */
  private static final List<String> SCRUBBED_PREFIXES =
      List.of("LEADS_", "TEMPORAL_", "SALESFORCE_", "SLACK_", "SPRING_", "PORT", "MANAGEMENT_");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final Map<String, String> environment;
  private final List<String> jvmOptions;
  private final int httpPort;
  private final Path log;
  private Process process;

  private AppProcess(
      String name,
      Path jar,
      Map<String, String> environment,
      int httpPort,
      List<String> jvmOptions) {
    this.name = name;
    this.jar = jar;
    this.environment = Map.copyOf(environment);
    this.jvmOptions = List.copyOf(jvmOptions);
    this.httpPort = httpPort;
    this.log = E2eEnvironment.buildSubdir("e2e-logs").resolve(name + ".log");
  }

  /**
   * Starts {@code java -jar JAR} with {@code environment} and waits until {@code
   * http://127.0.0.1:HTTP_PORT/actuator/health} answers UP.
   */
  public static AppProcess start(
      String name, Path jar, Map<String, String> environment, int httpPort) {
    return start(name, jar, environment, httpPort, SUITE_JVM_OPTIONS);
  }

  /** As {@link #start(String, Path, Map, int)}, with these JVM options instead of the suite's. */
  public static AppProcess start(
      String name,
      Path jar,
      Map<String, String> environment,
      int httpPort,
      List<String> jvmOptions) {
    AppProcess app = new AppProcess(name, jar, environment, httpPort, jvmOptions);
    try {
      Files.deleteIfExists(app.log); // A previous run's; restarts of this one append.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    app.launch();
    return app;
  }

  public String name() {
    return name;
  }

  public int httpPort() {
    return httpPort;
  }

  public Path log() {
    return log;
  }

  /** Everything the app has logged so far, across restarts. */
  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The operating system's process id of the running app. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** {@code kill -9}: the process gets no chance to finish anything. */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      exited(process);
    }
  }

  /** Stops the app gracefully (SIGTERM), as an orchestrator would. */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!exited(process)) {
        process.destroyForcibly();
        exited(process);
      }
    }
  }

  /** Stops the app gracefully and starts it again with the same environment and port. */
  public void restart() {
    stop();
    launch();
  }

  private void launch() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(key -> SCRUBBED_PREFIXES.stream().anyMatch(key::startsWith));
    builder.environment().putAll(environment);
    try {
      Files.writeString(
          log,
          "==== " + Instant.now() + " starting " + name + ": " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
    awaitHealthy();
  }

  private void awaitHealthy() {
    AtomicReference<String> last = new AtomicReference<>("no answer");
    try {
      await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> healthy(last));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          name + " was not healthy within " + START_TIMEOUT + " (" + last.get() + "); see " + log);
    }
  }

  private boolean healthy(AtomicReference<String> last) throws InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited " + process.exitValue() + " while starting; see " + log);
    }
    URI health = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health");
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      last.set(response.statusCode() + " " + response.body());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      last.set(e.toString());
      return false;
    }
  }

  private static boolean exited(Process process) {
    try {
      return process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
