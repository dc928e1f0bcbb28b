package com.leadprocessor.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodecKeysTest {

  @Test
  void missingKeyNamesTheSetting() {
    assertThatThrownBy(() -> CodecKeys.from(new PayloadCodecProperties(true, null, null)))
        .isInstanceOf(InvalidCodecKeysException.class)
        .hasMessageContaining("leads.codec.keys is empty");
  }

  @Test
  void keyOfTheWrongLengthIsRefusedWithoutShowingIt() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> CodecKeys.parse(List.of("k1:" + shortKey), "leads.codec.keys"))
        .isInstanceOf(InvalidCodecKeysException.class)
        .hasMessageContaining("Entry #1 of leads.codec.keys")
        .hasMessageContaining("16 bytes")
        .message()
        .doesNotContain(shortKey);
  }

  @Test
  void entryWithoutKeyIdOrBase64IsRefused() {
    assertThatThrownBy(() -> CodecKeys.parse(List.of("justakey"), "leads.codec.keys"))
        .hasMessageContaining("'<key id>:<base64 key>'");
    assertThatThrownBy(() -> CodecKeys.parse(List.of("k1:not base64!"), "leads.codec.keys"))
        .hasMessageContaining("not valid base64");
  }

  @Test
  void repeatedKeyIdIsRefused() {
    assertThatThrownBy(() -> CodecKeys.parse(List.of(TestKeys.OLD, TestKeys.OLD), "s"))
        .hasMessageContaining("repeats the key id 'k1'");
  }

  @Test
  void keysComeFromAFileWithTheFirstEncrypting(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys");
    Files.writeString(file, "# newest first\n" + TestKeys.NEW + "\n\n" + TestKeys.OLD + "\n");

    CodecKeys keys = CodecKeys.from(new PayloadCodecProperties(true, List.of(), file));

    assertThat(keys.ids()).containsExactly("k2", "k1");
  }

  @Test
  void keysAndKeysFileTogetherAreRefused(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                CodecKeys.from(
                    new PayloadCodecProperties(true, List.of(TestKeys.OLD), dir.resolve("keys"))))
        .hasMessageContaining("set one of them");
  }
}
