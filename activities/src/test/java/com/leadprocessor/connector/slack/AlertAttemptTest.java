package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.leadprocessor.workflow.slack.SlackMessage;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodingKeys;
import org.junit.jupiter.api.Test;

class AlertAttemptTest {

  @Test
  void firstAttemptPostsWithoutLooking() {
    assertThat(AlertAttempt.earlierMayHavePosted(null, 1)).isFalse();
  }

  @Test
  void attemptAfterOneThatRecordedNothingLooks() {
    assertThat(AlertAttempt.earlierMayHavePosted(null, 2)).isTrue();
  }

  @Test
  void attemptAfterOneThatWasRefusedPostsWithoutLooking() {
    assertThat(AlertAttempt.earlierMayHavePosted(AlertAttempt.notPosted(2), 3)).isFalse();
  }

  @Test
  void attemptAfterAnOlderRefusalLooks() {
    // Attempt 2 left no word: it may have posted.
    assertThat(AlertAttempt.earlierMayHavePosted(AlertAttempt.notPosted(1), 3)).isTrue();
  }

  @Test
  void detailsRecordedByEarlierWorkersReadAsAnUnknownAttempt() {
    AlertAttempt posting = read("{\"mayHavePosted\":true,\"posted\":null}");
    AlertAttempt posted =
        read("{\"mayHavePosted\":false,\"posted\":{\"channel\":\"C1\",\"ts\":\"1.2\"}}");

    assertThat(AlertAttempt.earlierMayHavePosted(posting, 2)).isTrue();
    assertThat(posted.posted()).isEqualTo(new SlackMessage("C1", "1.2"));
  }

  private static AlertAttempt read(String json) {
    Payload payload =
        Payload.newBuilder()
            .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(json))
            .build();
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
        payload, AlertAttempt.class, AlertAttempt.class);
  }
}
