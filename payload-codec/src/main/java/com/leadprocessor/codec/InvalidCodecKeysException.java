package com.leadprocessor.codec;

/** The configured payload keys are missing or unusable. The message never contains a key. */
public class InvalidCodecKeysException extends RuntimeException {

  static final String EXPECTED =
      "Set leads.codec.keys (LEADS_CODEC_KEYS) to comma-separated '<key id>:<base64 key>' entries,"
          + " the key 32 random bytes, for example 'k1:'$(openssl rand -base64 32), or"
          + " leads.codec.keys-file (LEADS_CODEC_KEYS_FILE) to a file with one entry a line. The"
          + " first key encrypts; keep the older ones after it while histories still use them.";

  InvalidCodecKeysException(String problem) {
    super(problem);
  }
}
