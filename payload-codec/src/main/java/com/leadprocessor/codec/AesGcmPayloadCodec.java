package com.leadprocessor.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals each payload, metadata and data together, with AES-256-GCM under the current key of {@link
 * CodecKeys}. The sealed payload says {@code encoding: binary/encrypted} and names its key in
 * {@code encryption-key-id}, which is also authenticated, so that a payload cannot be moved under
 * another key id. A payload without that encoding is passed through on decode: histories written
 * before payloads were encrypted still replay.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {

  /** The value of the {@code encoding} metadata of a sealed payload. */
  public static final String ENCODING = "binary/encrypted";

  /** The metadata key naming the key a payload is sealed with. */
  public static final String KEY_ID = "encryption-key-id";

  static final String METADATA_ENCODING = "encoding";

  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);

  private final CodecKeys keys;
  private final SecureRandom random = new SecureRandom();

  public AesGcmPayloadCodec(CodecKeys keys) {
    this.keys = keys;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::seal).toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::open).toList();
  }

  /** Whether a payload is one this codec sealed. */
  public static boolean isSealed(Payload payload) {
    return ENCODING_BYTES.equals(payload.getMetadataMap().get(METADATA_ENCODING));
  }

  private Payload seal(Payload payload) {
    CodecKey key = keys.current();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
      sealed = cipher.doFinal(payload.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(e);
    }
    return Payload.newBuilder()
        .putMetadata(METADATA_ENCODING, ENCODING_BYTES)
        .putMetadata(KEY_ID, ByteString.copyFromUtf8(key.id()))
        .setData(
            ByteString.copyFrom(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).flip()))
        .build();
  }

  private Payload open(Payload payload) {
    if (!isSealed(payload)) {
      return payload;
    }
    ByteString keyIdBytes = payload.getMetadataMap().get(KEY_ID);
    String keyId = keyIdBytes == null ? "" : keyIdBytes.toStringUtf8();
    CodecKey key =
        keys.find(keyId)
            .orElseThrow(
                () ->
                    new PayloadCodecException(
                        "The payload is sealed with key id '"
                            + keyId
                            + "', which is not among leads.codec.keys "
                            + keys.ids()));
    byte[] data = payload.getData().toByteArray();
    if (data.length <= NONCE_BYTES) {
      throw new PayloadCodecException("A sealed payload is too short to hold a nonce.");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(data, NONCE_BYTES));
      byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return Payload.parseFrom(plain);
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException(
          "The payload sealed with key id '" + keyId + "' does not authenticate", e);
    }
  }

  private static Cipher cipher(int mode, CodecKey key, byte[] nonce)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(CIPHER);
    cipher.init(mode, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(key.id().getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
