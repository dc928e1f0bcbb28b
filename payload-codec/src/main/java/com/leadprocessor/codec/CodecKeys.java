package com.leadprocessor.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key ring of the payload codec: the first key encrypts, every key decrypts. Entries are
 * checked here, not in {@link PayloadCodecProperties}, so that a key never appears in a binding
 * error; a problem is reported by the entry's position and id only.
 */
public final class CodecKeys {

  /** AES-256. */
  static final int KEY_BYTES = 32;

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final CodecKey current;
  private final Map<String, CodecKey> byId;

  private CodecKeys(List<CodecKey> keys) {
    this.current = keys.get(0);
    Map<String, CodecKey> map = new LinkedHashMap<>();
    keys.forEach(key -> map.put(key.id(), key));
    this.byId = Map.copyOf(map);
  }

  /**
   * @throws InvalidCodecKeysException when no key is configured, both settings are, or an entry is
   *     malformed
   */
  public static CodecKeys from(PayloadCodecProperties properties) {
    if (properties.keysFile() != null && !properties.keys().isEmpty()) {
      throw new InvalidCodecKeysException(
          "Both leads.codec.keys and leads.codec.keys-file are set; set one of them.");
    }
    if (properties.keysFile() != null) {
      return parse(readFile(properties), "leads.codec.keys-file (" + properties.keysFile() + ")");
    }
    return parse(properties.keys(), "leads.codec.keys");
  }

  /** Entries as {@code <key id>:<base64 key>}, the encrypting one first. */
  static CodecKeys parse(List<String> entries, String setting) {
    if (entries.isEmpty()) {
      throw new InvalidCodecKeysException(
          "No payload encryption key is configured: " + setting + " is empty.");
    }
    List<CodecKey> keys = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      CodecKey key = parseEntry(entries.get(i), "Entry #" + (i + 1) + " of " + setting);
      if (keys.stream().anyMatch(k -> k.id().equals(key.id()))) {
        throw new InvalidCodecKeysException(
            "Entry #" + (i + 1) + " of " + setting + " repeats the key id '" + key.id() + "'.");
      }
      keys.add(key);
    }
    return new CodecKeys(keys);
  }

  private static CodecKey parseEntry(String entry, String where) {
    int colon = entry.indexOf(':');
    if (colon < 0) {
      throw new InvalidCodecKeysException(where + " is not '<key id>:<base64 key>'.");
    }
    String id = entry.substring(0, colon).strip();
    if (!KEY_ID.matcher(id).matches()) {
      throw new InvalidCodecKeysException(
          where + " has an invalid key id: use 1 to 64 letters, digits, '.', '_' or '-'.");
    }
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidCodecKeysException(where + " (key id '" + id + "') is not valid base64.");
    }
    if (secret.length != KEY_BYTES) {
      throw new InvalidCodecKeysException(
          where
              + " (key id '"
              + id
              + "') is "
              + secret.length
              + " bytes long; an AES-256 key is "
              + KEY_BYTES
              + " bytes.");
    }
    return new CodecKey(id, new SecretKeySpec(secret, "AES"));
  }

  private static List<String> readFile(PayloadCodecProperties properties) {
    try {
      return Files.readAllLines(properties.keysFile()).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new InvalidCodecKeysException(
          "leads.codec.keys-file (" + properties.keysFile() + ") cannot be read: " + e);
    }
  }

  /** The key new payloads are sealed with. */
  CodecKey current() {
    return current;
  }

  /** The key with this id, if configured. */
  Optional<CodecKey> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The configured key ids, the encrypting one first, for the start-up report. */
  public List<String> ids() {
    List<String> ids = new ArrayList<>(List.of(current.id()));
    byId.keySet().stream().filter(id -> !id.equals(current.id())).forEach(ids::add);
    return ids;
  }
}
