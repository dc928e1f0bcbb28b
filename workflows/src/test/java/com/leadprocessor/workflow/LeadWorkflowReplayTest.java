package com.leadprocessor.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories of leads against the current {@link LeadWorkflowImpl}. A change that
 * would break leads already in flight (a non-deterministic change) fails here; guard such changes
 * with {@code Workflow.getVersion} and record new histories next to the old ones.
 */
class LeadWorkflowReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Version 0: verification and routing as ordinary activities.
        "lead-completed.json",
        "lead-review-retried.json",
        // Version 1 (local-steps): verification, routing and enrichment as local activities.
        "lead-completed-v1.json",
        "lead-review-retried-v1.json"
      })
  void recordedLeadsReplayOnTheCurrentWorkflowCode(String history) throws IOException {
    String json = read("/histories/" + history);

    assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(json, LeadWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = LeadWorkflowReplayTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing recorded history " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
