package com.leadprocessor.codec;

import java.util.Base64;
import java.util.List;

/** Fixed test keys as the configuration spells them. */
final class TestKeys {

  static final String OLD = "k1:" + Base64.getEncoder().encodeToString(bytes(1));
  static final String NEW = "k2:" + Base64.getEncoder().encodeToString(bytes(2));

  private TestKeys() {}

  static AesGcmPayloadCodec codec(String... entries) {
    return new AesGcmPayloadCodec(CodecKeys.parse(List.of(entries), "leads.codec.keys"));
  }

  private static byte[] bytes(int fill) {
    byte[] key = new byte[CodecKeys.KEY_BYTES];
    java.util.Arrays.fill(key, (byte) fill);
    return key;
  }
}
