package com.leadprocessor.codec;

import javax.crypto.SecretKey;

/** One AES-256 key and the id that payloads sealed with it carry in their metadata. */
record CodecKey(String id, SecretKey secret) {

  @Override
  public String toString() {
    return "CodecKey[id=" + id + "]";
  }
}
