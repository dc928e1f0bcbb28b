package com.leadprocessor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every recorded lead history under {@code histories/} against the current {@link
 * LeadWorkflowImpl}. A change that would break leads already in flight (a non-deterministic change)
 * fails here. Each version of the workflow keeps its histories in a folder of its own, {@code
 * histories/baseline/} first, recorded by {@link LeadHistoryRecorder};
 * docs/changing-workflow-code.md says how to add one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeadWorkflowReplayTest {

  /** The paths every version records, each by the {@link LeadWorkflowTest} test that proves it. */
  private static final List<String> PATHS =
      List.of(
          "lead-completed.json",
          "lead-rejected.json",
          "lead-without-enrichment.json",
          "lead-review-retried.json",
          "lead-review-corrected.json",
          "lead-review-skipped.json",
          "lead-review-discarded.json",
          "lead-review-reminded.json");

  /**
   * The claim phase's paths, each by the {@link LeadClaimTest} test that proves it, recorded by
   * {@link LeadClaim#CHANGE_ID} and every version after it.
   */
  private static final List<String> CLAIM_PATHS =
      List.of(
          "lead-claimed.json",
          "lead-not-a-lead.json",
          "lead-handed-back.json",
          "lead-escalated-unclaimed.json",
          "lead-claim-quiet-hours.json",
          "lead-claim-alert-update-failed.json");

  /** The versions recorded before the claim phase existed, which have no claim paths. */
  private static final List<String> BEFORE_CLAIMS =
      List.of("baseline", "delayed-before-review", "enrich-before-route");

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedHistories")
  void recordedLeadsReplayOnTheCurrentWorkflowCode(String history) throws IOException {
    String json = Files.readString(historiesFolder().resolve(history));

    assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(json, LeadWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  @Test
  void everyVersionRecordsEveryPath() throws IOException {
    List<Path> versions;
    try (Stream<Path> folders = Files.list(historiesFolder())) {
      versions = folders.filter(Files::isDirectory).toList();
    }

    assertThat(versions).as("version folders under histories/").isNotEmpty();
    for (Path version : versions) {
      try (Stream<Path> files = Files.list(version)) {
        assertThat(files.map(file -> file.getFileName().toString()))
            .as("histories recorded in %s", version)
            .containsAll(PATHS);
      }
    }
  }

  @Test
  void everyVersionSinceTheClaimPhaseRecordsEveryClaimPath() throws IOException {
    assertThat(historiesFolder().resolve(LeadClaim.CHANGE_ID)).isDirectory();
    List<Path> versions;
    try (Stream<Path> folders = Files.list(historiesFolder())) {
      versions =
          folders
              .filter(Files::isDirectory)
              .filter(folder -> !BEFORE_CLAIMS.contains(folder.getFileName().toString()))
              .toList();
    }

    for (Path version : versions) {
      try (Stream<Path> files = Files.list(version)) {
        assertThat(files.map(file -> file.getFileName().toString()))
            .as("claim histories recorded in %s", version)
            .containsAll(CLAIM_PATHS);
      }
    }
  }

  /** Every history file under {@code histories/}, as a path relative to it. */
  static List<String> recordedHistories() throws IOException {
    Path folder = historiesFolder();
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .map(file -> folder.relativize(file).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /**
   * The histories in the sources rather than on the class path: a history deleted from the sources
   * stays in {@code target/test-classes} until a clean build, and must not be replayed.
   */
  private static Path historiesFolder() {
    Path folder = Path.of("src/test/resources/histories");
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          "no recorded histories in "
              + folder.toAbsolutePath()
              + "; run from the workflows module");
    }
    return folder;
  }
}
