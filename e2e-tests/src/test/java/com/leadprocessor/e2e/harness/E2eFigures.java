package com.leadprocessor.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * The figures a scenario measured (counts, durations), appended to {@code target/e2e-figures.txt}
 * so that CI prints them next to the test counts.
 */
public final class E2eFigures {

  private E2eFigures() {}

  public static void record(String scenario, String figure) {
    String line = "[" + scenario + "] " + figure + System.lineSeparator();
    System.out.print(line);
    try {
      Files.writeString(
          E2eEnvironment.buildDir().resolve("e2e-figures.txt"),
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
