package com.leadprocessor.codec;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the apps seal the payloads they write to Temporal.
 *
 * @param enabled whether payloads are encrypted ({@code LEADS_CODEC_ENABLED}); true unless set to
 *     false, which only a test that proves the codec's effect should do
 * @param keys the keys as {@code <key id>:<base64 of 32 random bytes>} entries ({@code
 *     LEADS_CODEC_KEYS}, comma-separated): the first encrypts, every one decrypts, so a new key is
 *     put first and the old ones stay until no history needs them
 * @param keysFile a file with the same entries, one a line ({@code LEADS_CODEC_KEYS_FILE}), for a
 *     secret mounted as a file; used instead of {@code keys}, never together with it
 */
@ConfigurationProperties("leads.codec")
public record PayloadCodecProperties(
    @DefaultValue("true") boolean enabled, List<String> keys, Path keysFile) {

  public PayloadCodecProperties {
    keys =
        keys == null
            ? List.of()
            : keys.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
  }
}
