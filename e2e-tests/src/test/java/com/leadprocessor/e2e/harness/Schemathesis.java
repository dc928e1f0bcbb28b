package com.leadprocessor.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * <a href="https://schemathesis.readthedocs.io/">schemathesis</a>, the OpenAPI fuzzer, run as its
 * CLI ({@code st run}) against an API's own {@code /openapi.yaml}, with its NDJSON report read back
 * so that a test can assert on every request it sent and every answer it got.
 */
public final class Schemathesis {

  /** The version {@code scripts/install-schemathesis.sh} installs. */
  public static final String VERSION = "4.32.5";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path executable;

  private Schemathesis(Path executable) {
    this.executable = executable;
  }

  /**
   * Finds {@code st} at {@code $SCHEMATHESIS_ST} or where the install script puts it, else installs
   * it with {@code scripts/install-schemathesis.sh}. Fails in CI and skips elsewhere when none can
   * be had.
   */
  public static Schemathesis locate() {
    Optional<Path> found = fromEnvironment().or(Schemathesis::inCache).or(Schemathesis::installed);
    E2eEnvironment.requireTool(
        found.isPresent(),
        "schemathesis is missing: install it with scripts/install-schemathesis.sh (needs python3)");
    return new Schemathesis(found.orElseThrow());
  }

  /**
   * Runs {@code st --config-file CONFIG run BASE/openapi.yaml --url BASE ARGS...}, its reports in
   * {@code reportDir}, and waits for it at most {@code timeout}.
   */
  public Run run(String baseUrl, Path reportDir, Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of("--config-file", config().toString(), "run"));
    command.addAll(List.of(baseUrl + "/openapi.yaml", "--url", baseUrl));
    command.addAll(List.of(args));
    command.addAll(
        List.of("--report", "junit,ndjson", "--report-dir", reportDir.toString(), "--no-color"));
    try {
      clean(reportDir);
      Path output = reportDir.resolve("st-output.txt");
      long started = System.nanoTime();
      Process process =
          // Run in the report folder: schemathesis keeps a cache (.schemathesis/) where it runs.
          new ProcessBuilder(command)
              .directory(reportDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("schemathesis did not finish within " + timeout);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      return new Run(
          process.exitValue(),
          Files.readString(output, StandardCharsets.UTF_8),
          interactions(reportDir),
          took);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /** What schemathesis did: its exit status, its console output and every exchange it made. */
  public record Run(int exitStatus, String output, List<Interaction> interactions, Duration took) {}

  /** One request schemathesis sent and the answer it got ({@code status} -1: none). */
  public record Interaction(String method, int status, String contentType, String body) {}

  private static List<Interaction> interactions(Path reportDir) throws IOException {
    List<Interaction> all = new ArrayList<>();
    List<Path> reports;
    try (Stream<Path> files = Files.list(reportDir)) {
      reports = files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).toList();
    }
    for (Path report : reports) {
      for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
        JsonNode event = JSON.readTree(line);
        JsonNode recorded = event.path("ScenarioFinished").path("recorder").path("interactions");
        for (JsonNode interaction : recorded) {
          JsonNode response = interaction.path("response");
          all.add(
              new Interaction(
                  interaction.path("request").path("method").asText(),
                  response.isObject() ? response.path("status_code").asInt() : -1,
                  response.path("headers").path("content-type").path(0).asText(""),
                  decode(response.path("content"))));
        }
      }
    }
    return all;
  }

  private static String decode(JsonNode content) {
    if (content.hasNonNull("$base64")) {
      return new String(
          Base64.getDecoder().decode(content.get("$base64").asText()), StandardCharsets.UTF_8);
    }
    return content.isMissingNode() || content.isNull() ? "" : content.asText();
  }

  /** An empty report folder: a run's assertions read every report in it, so none may be old. */
  private static void clean(Path reportDir) throws IOException {
    if (Files.exists(reportDir)) {
      try (Stream<Path> old = Files.walk(reportDir)) {
        for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(reportDir);
  }

  private static Path config() {
    return E2eEnvironment.repository().resolve("e2e-tests/src/test/resources/schemathesis.toml");
  }

  private static Optional<Path> fromEnvironment() {
    String path = System.getenv("SCHEMATHESIS_ST");
    return path == null || path.isBlank()
        ? Optional.empty()
        : Optional.of(Paths.get(path)).filter(Files::isExecutable);
  }

  private static Optional<Path> inCache() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base =
        cache == null || cache.isBlank()
            ? Paths.get(System.getProperty("user.home"), ".cache")
            : Paths.get(cache);
    Path candidate = base.resolve("lead-processor/schemathesis-" + VERSION + "/bin/st");
    return Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  private static Optional<Path> installed() {
    Path script = E2eEnvironment.repository().resolve("scripts/install-schemathesis.sh");
    try {
      String out = TemporalCli.exec(List.of("bash", script.toString())).trim();
      Path candidate = Paths.get(out.substring(out.lastIndexOf('\n') + 1).trim());
      return Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
    } catch (IllegalStateException e) {
      System.err.println("scripts/install-schemathesis.sh failed: " + e.getMessage());
      return Optional.empty();
    }
  }
}
