package com.leadprocessor.api.codec;

import com.leadprocessor.api.review.ReviewTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sessions a reviewer opens at {@code /codec/sign-in} with a review API token, so that the Web
 * UI, which cannot send a token of its own without OIDC sign-in, decodes with the browser's cookie
 * ("Include cross-origin credentials" in its Codec Server settings). A session is the token's
 * position, an expiry and an HMAC of both under a key derived from that token: nothing is kept on
 * the server, every instance of the API accepts it, and removing the token from {@code
 * leads.review.api-tokens} ends its sessions.
 */
final class CodecSessions {

  static final String COOKIE = "leads_codec_session";

  private static final String KEY_CONTEXT = "lead-processor codec session\0";
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final ReviewTokens tokens;
  private final List<byte[]> keys;
  private final Duration lifetime;
  private final Clock clock;

  CodecSessions(List<String> apiTokens, Duration lifetime, Clock clock) {
    this.tokens = ReviewTokens.of(apiTokens);
    this.keys = apiTokens.stream().map(CodecSessions::key).toList();
    this.lifetime = lifetime;
    this.clock = clock;
  }

  Duration lifetime() {
    return lifetime;
  }

  /** A session for the holder of {@code token}, or empty when it is not a review API token. */
  Optional<String> open(String token) {
    int position = tokens.match(token);
    if (position == 0) {
      return Optional.empty();
    }
    String claims = position + "." + clock.instant().plus(lifetime).getEpochSecond();
    return Optional.of(claims + "." + mac(position, claims));
  }

  /** Who a session belongs to, for example {@code review token #2 (signed in)}, while it lasts. */
  Optional<String> reviewer(String session) {
    String[] parts = session.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    int position;
    long expires;
    try {
      position = Integer.parseInt(parts[0]);
      expires = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (position < 1 || position > keys.size()) {
      return Optional.empty();
    }
    byte[] expected = mac(position, parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.UTF_8))
        || !clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
      return Optional.empty();
    }
    return Optional.of("review token #" + position + " (signed in)");
  }

  private String mac(int position, String claims) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.get(position - 1), "HmacSHA256"));
      return BASE64.encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
    }
  }

  private static byte[] key(String token) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((KEY_CONTEXT + token).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
