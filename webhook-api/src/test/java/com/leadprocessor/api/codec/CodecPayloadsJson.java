package com.leadprocessor.api.codec;

import com.google.protobuf.util.JsonFormat;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;

/** The codec protocol's bodies ({@code {"payloads":[...]}}) as the codec server tests send them. */
final class CodecPayloadsJson {

  private CodecPayloadsJson() {}

  static Payload plain(String text) {
    return DefaultDataConverter.STANDARD_INSTANCE.toPayload(text).orElseThrow();
  }

  static String json(List<Payload> payloads) throws Exception {
    return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(payloads).build());
  }

  static List<Payload> payloads(String json) throws Exception {
    Payloads.Builder builder = Payloads.newBuilder();
    JsonFormat.parser().merge(json, builder);
    return builder.getPayloadsList();
  }
}
