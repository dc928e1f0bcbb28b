package com.leadprocessor.codec;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.context.SerializationContext;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Seals every payload and every failure's message and stack trace with the payload codec, except
 * the message of a failure whose type is one of {@link PlainFailureTypes}: a review Update's
 * refusal, which a reviewer must be able to read in the Web UI and the CLI (neither decodes an
 * Update's failure through the codec server). Such a failure's stack trace, details and causes stay
 * sealed, and its sealed attributes keep the same message, so a decoding client reads the same
 * text.
 */
public final class SealingDataConverter implements DataConverter {

  private final CodecDataConverter sealing;
  private final DataConverter plain;
  private final Set<String> plainMessageTypes;

  /**
   * @param codec the codec that seals payloads
   * @param plainMessageTypes the failure types whose top-level message stays readable
   */
  public SealingDataConverter(AesGcmPayloadCodec codec, Set<String> plainMessageTypes) {
    this(
        new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(codec), true),
        DefaultDataConverter.newDefaultInstance(),
        Set.copyOf(plainMessageTypes));
  }

  private SealingDataConverter(
      CodecDataConverter sealing, DataConverter plain, Set<String> plainMessageTypes) {
    this.sealing = sealing;
    this.plain = plain;
    this.plainMessageTypes = plainMessageTypes;
  }

  @Override
  public Failure exceptionToFailure(Throwable throwable) {
    Failure sealed = sealing.exceptionToFailure(throwable);
    if (!sealed.hasApplicationFailureInfo()
        || !plainMessageTypes.contains(sealed.getApplicationFailureInfo().getType())) {
      return sealed;
    }
    // The message as the default converter writes it (a validator's exception becomes an
    // ApplicationFailure typed by its class, with the exception's message).
    String message = plain.exceptionToFailure(throwable).getMessage();
    return sealed.toBuilder().setMessage(message).build();
  }

  @Override
  public RuntimeException failureToException(Failure failure) {
    return sealing.failureToException(failure);
  }

  @Override
  public <T> Optional<Payload> toPayload(T value) throws DataConverterException {
    return sealing.toPayload(value);
  }

  @Override
  public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType)
      throws DataConverterException {
    return sealing.fromPayload(payload, valueClass, valueType);
  }

  @Override
  public Optional<Payloads> toPayloads(Object... values) throws DataConverterException {
    return sealing.toPayloads(values);
  }

  @Override
  public <T> T fromPayloads(
      int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType)
      throws DataConverterException {
    return sealing.fromPayloads(index, content, valueType, valueGenericType);
  }

  @Override
  public Object[] fromPayloads(
      Optional<Payloads> content, Class<?>[] parameterTypes, Type[] genericParameterTypes)
      throws DataConverterException {
    return sealing.fromPayloads(content, parameterTypes, genericParameterTypes);
  }

  @Override
  public DataConverter withContext(SerializationContext context) {
    return new SealingDataConverter(
        sealing.withContext(context), plain.withContext(context), plainMessageTypes);
  }
}
