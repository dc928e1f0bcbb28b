package com.leadprocessor.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The packaged application jars the suite runs, as the reactor built them before this module. */
public final class AppJars {

  private AppJars() {}

  /** {@code webhook-api/target/webhook-api-*.jar}. */
  public static Path webhookApi() {
    return find(
        "webhook-api", E2eEnvironment.directory("e2e.webhook-api.dir", "../webhook-api/target"));
  }

  /** {@code worker/target/worker-*.jar}. */
  public static Path worker() {
    return find("worker", E2eEnvironment.directory("e2e.worker.dir", "../worker/target"));
  }

  private static Path find(String artifact, Path directory) {
    List<Path> jars;
    try (Stream<Path> files = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
      jars =
          files
              .filter(file -> file.getFileName().toString().matches(artifact + "-.*\\.jar"))
              .filter(
                  file ->
                      !file.getFileName().toString().matches(".*-(plain|sources|javadoc)\\.jar"))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (jars.size() != 1) {
      throw new IllegalStateException(
          "Expected one packaged "
              + artifact
              + " jar in "
              + directory
              + " but found "
              + jars
              + ". Build the apps first: ./mvnw -B -DskipTests package (or run ./mvnw verify from"
              + " the repository root, which builds them before this suite)");
    }
    return jars.get(0);
  }
}
