package com.leadprocessor.worker;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.leadprocessor.codec.AesGcmPayloadCodec;
import com.leadprocessor.codec.CodecKeys;
import com.leadprocessor.codec.PayloadCodecProperties;
import com.leadprocessor.workflow.LeadWorkflowImpl;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.internal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The histories recorded before payloads were sealed (the workflows module's replay fixtures)
 * replay on a worker whose converter seals payloads: the codec passes unsealed payloads through, so
 * a lead started before the upgrade finishes after it.
 */
@Timeout(60)
class PlainHistoriesReplayWithCodecTest {

  private static final Path HISTORIES =
      Path.of("../workflows/src/test/resources/histories/baseline");

  private final TestWorkflowEnvironment testEnv =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder()
              .setWorkflowClientOptions(
                  WorkflowClientOptions.newBuilder()
                      .setDataConverter(
                          new CodecDataConverter(
                              DefaultDataConverter.newDefaultInstance(),
                              List.of(
                                  new AesGcmPayloadCodec(
                                      CodecKeys.from(
                                          new PayloadCodecProperties(
                                              true,
                                              List.of(
                                                  "k1:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc="),
                                              null)))),
                              true))
                      .build())
              .build());

  @AfterEach
  void close() {
    testEnv.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lead-completed.json",
        "lead-rejected.json",
        "lead-review-corrected.json",
        "lead-review-discarded.json",
        "lead-review-reminded.json",
        "lead-review-retried.json",
        "lead-review-skipped.json",
        "lead-without-enrichment.json"
      })
  void historyRecordedBeforeEncryptionReplaysWithTheCodec(String history) throws Exception {
    Worker worker = testEnv.newWorker("replay");
    worker.registerWorkflowImplementationTypes(LeadWorkflowImpl.class);
    WorkflowExecutionHistory recorded =
        WorkflowExecutionHistory.fromJson(Files.readString(HISTORIES.resolve(history)));

    assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(recorded, worker))
        .doesNotThrowAnyException();
  }
}
