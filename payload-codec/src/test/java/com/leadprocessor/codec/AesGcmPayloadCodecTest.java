package com.leadprocessor.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesGcmPayloadCodecTest {

  private static final Payload LEAD =
      DefaultDataConverter.STANDARD_INSTANCE
          .toPayload("{\"email\":\"potential.lead@example.com\"}")
          .orElseThrow();

  @Test
  void sealedPayloadCarriesNoPlaintextAndNamesItsKey() {
    Payload sealed = TestKeys.codec(TestKeys.NEW, TestKeys.OLD).encode(List.of(LEAD)).get(0);

    assertThat(sealed.toByteString().toString(StandardCharsets.ISO_8859_1))
        .doesNotContain("potential.lead")
        .doesNotContain("json/plain");
    assertThat(sealed.getMetadataMap().get(AesGcmPayloadCodec.KEY_ID).toStringUtf8())
        .isEqualTo("k2");
    assertThat(AesGcmPayloadCodec.isSealed(sealed)).isTrue();
  }

  @Test
  void sealedPayloadDecodesToTheOriginal() {
    AesGcmPayloadCodec codec = TestKeys.codec(TestKeys.OLD);

    assertThat(codec.decode(codec.encode(List.of(LEAD)))).containsExactly(LEAD);
  }

  @Test
  void afterRotationTheNewKeyEncryptsAndTheOldKeyStillDecrypts() {
    Payload sealedBeforeRotation = TestKeys.codec(TestKeys.OLD).encode(List.of(LEAD)).get(0);
    AesGcmPayloadCodec rotated = TestKeys.codec(TestKeys.NEW, TestKeys.OLD);

    assertThat(rotated.decode(List.of(sealedBeforeRotation))).containsExactly(LEAD);
    assertThat(rotated.encode(List.of(LEAD)).get(0).getMetadataMap().get(AesGcmPayloadCodec.KEY_ID))
        .isEqualTo(ByteString.copyFromUtf8("k2"));
  }

  @Test
  void payloadSealedWithARetiredKeyIsRefusedNamingTheKeyId() {
    Payload sealedWithOld = TestKeys.codec(TestKeys.OLD).encode(List.of(LEAD)).get(0);

    assertThatThrownBy(() -> TestKeys.codec(TestKeys.NEW).decode(List.of(sealedWithOld)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("'k1'");
  }

  @Test
  void payloadWrittenBeforeEncryptionPassesThrough() {
    assertThat(TestKeys.codec(TestKeys.OLD).decode(List.of(LEAD))).containsExactly(LEAD);
  }

  @Test
  void tamperedPayloadDoesNotDecode() {
    AesGcmPayloadCodec codec = TestKeys.codec(TestKeys.OLD);
    Payload sealed = codec.encode(List.of(LEAD)).get(0);
    byte[] data = sealed.getData().toByteArray();
    data[data.length - 1] ^= 1;
    Payload tampered = sealed.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec.decode(List.of(tampered)))
        .isInstanceOf(PayloadCodecException.class);
  }

  @Test
  void payloadCannotBeMovedUnderAnotherKeyId() {
    Payload sealed = TestKeys.codec(TestKeys.OLD).encode(List.of(LEAD)).get(0);
    Payload relabelled =
        sealed.toBuilder()
            .putMetadata(AesGcmPayloadCodec.KEY_ID, ByteString.copyFromUtf8("k2"))
            .build();

    assertThatThrownBy(() -> TestKeys.codec(TestKeys.NEW, TestKeys.OLD).decode(List.of(relabelled)))
        .isInstanceOf(PayloadCodecException.class);
  }

  @Test
  void failureMessagesAreSealedToo() {
    CodecDataConverter converter =
        new CodecDataConverter(
            DefaultDataConverter.newDefaultInstance(), List.of(TestKeys.codec(TestKeys.OLD)), true);

    var failure =
        converter.exceptionToFailure(
            ApplicationFailure.newFailure("rejected potential.lead@example.com", "CRM"));

    assertThat(failure.toByteString().toString(StandardCharsets.ISO_8859_1))
        .doesNotContain("potential.lead");
    assertThat(converter.failureToException(failure)).hasMessageContaining("potential.lead");
  }
}
