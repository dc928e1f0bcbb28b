package com.leadprocessor.workflow;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the histories of the leads {@link LeadWorkflowTest} runs, for {@link
 * LeadWorkflowReplayTest}. Off unless the build is given the folder of the version being recorded,
 * as docs/changing-workflow-code.md describes:
 *
 * <pre>
 * ./mvnw -B -ntp test -pl workflows -am -Dtest=LeadWorkflowTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dleads.captureHistories=$PWD/workflows/src/test/resources/histories/&lt;change-id&gt;
 * </pre>
 */
final class LeadHistoryRecorder {

  /** The system property naming the folder to record into. */
  static final String FOLDER_PROPERTY = "leads.captureHistories";

  private final WorkflowClient client;
  private final Path folder;

  LeadHistoryRecorder(WorkflowClient client) {
    this.client = client;
    String configured = System.getProperty(FOLDER_PROPERTY);
    this.folder = configured == null || configured.isBlank() ? null : Path.of(configured);
    if (folder != null && folder.getFileName().toString().equals("histories")) {
      // Each version's histories live in a folder of their own, beside the older versions'.
      throw new IllegalArgumentException(
          FOLDER_PROPERTY
              + " names the histories folder itself; name the version's folder in it,"
              + " for example histories/<change-id>");
    }
  }

  /** Writes the history of {@code lead}, closed or still open, as {@code <name>.json}. */
  void record(LeadWorkflow lead, String name) {
    if (folder == null) {
      return;
    }
    String workflowId = WorkflowStub.fromTyped(lead).getExecution().getWorkflowId();
    try {
      Files.createDirectories(folder);
      Files.writeString(
          folder.resolve(name + ".json"), client.fetchHistory(workflowId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
