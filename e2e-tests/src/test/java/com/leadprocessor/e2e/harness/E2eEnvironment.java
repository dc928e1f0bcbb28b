package com.leadprocessor.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the suite runs: the repository, the build directory its artifacts go to, and whether it
 * runs in CI. In CI ({@code CI=true}) a missing tool fails the run; on a developer's machine it
 * skips the suite with a message saying what to install.
 */
public final class E2eEnvironment {

  private E2eEnvironment() {}

  /** Whether the suite runs in CI, where nothing may be skipped silently. */
  public static boolean isCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
  }

  /** The repository's root directory. */
  public static Path repository() {
    return directory("e2e.repository.dir", "..");
  }

  /** This module's build directory ({@code e2e-tests/target}). */
  public static Path buildDir() {
    return directory("e2e.build.dir", "target");
  }

  /** A directory under the build directory, created if missing. */
  public static Path buildSubdir(String name) {
    Path dir = buildDir().resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot create " + dir, e);
    }
    return dir;
  }

  /**
   * Stops here when a tool the suite needs is missing: fails in CI, skips the calling test class
   * elsewhere, with {@code message} saying what is missing and how to install it.
   */
  public static void requireTool(boolean present, String message) {
    if (present) {
      return;
    }
    if (isCi()) {
      throw new IllegalStateException(
          message + " (CI=true: the end-to-end suite never skips in CI)");
    }
    Assumptions.abort(message + " (skipping the end-to-end suite; CI fails instead)");
  }

  static Path directory(String property, String fallback) {
    return Paths.get(System.getProperty(property, fallback)).toAbsolutePath().normalize();
  }
}
