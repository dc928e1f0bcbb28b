package com.leadprocessor.api.slack;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Verifies Slack's {@code v0} request signature on the raw body, before anything parses it: {@code
 * X-Slack-Signature} is {@code v0=<hex HMAC-SHA256>} of {@code
 * v0:<X-Slack-Request-Timestamp>:<body>} with the app's signing secret, made here by Slack's own
 * {@link SlackSignature.Generator}.
 *
 * <p>The library's {@code Verifier} is not called as is: it refuses an old timestamp but takes any
 * timestamp in the future, compares with {@code String.equals}, and answers every failure with the
 * same {@code false}. This class checks the timestamp both ways against a {@link Clock}, compares
 * in constant time, and tells the sender which rule failed.
 */
final class SlackRequestVerifier {

  static final String TIMESTAMP_HEADER = SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP;
  static final String SIGNATURE_HEADER = SlackSignature.HeaderNames.X_SLACK_SIGNATURE;

  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final Pattern V0_SIGNATURE = Pattern.compile("v0=[0-9a-f]{64}");

  private final SlackSignature.Generator generator;
  private final Duration tolerance;
  private final Clock clock;

  SlackRequestVerifier(String signingSecret, Duration tolerance, Clock clock) {
    this.generator = new SlackSignature.Generator(signingSecret);
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * @throws ProblemException {@link ProblemType#INVALID_SLACK_SIGNATURE} if a header is missing or
   *     malformed, the timestamp is outside the tolerance, or the signature does not match
   */
  void verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || timestamp.isBlank()) {
      throw refused("The " + TIMESTAMP_HEADER + " header is missing.");
    }
    if (signature == null || signature.isBlank()) {
      throw refused("The " + SIGNATURE_HEADER + " header is missing.");
    }
    String sentAt = timestamp.strip();
    if (!UNIX_SECONDS.matcher(sentAt).matches()) {
      throw refused("The " + TIMESTAMP_HEADER + " header is not a unix timestamp in seconds.");
    }
    checkWithinTolerance(Instant.ofEpochSecond(Long.parseLong(sentAt)));
    String presented = signature.strip();
    if (!V0_SIGNATURE.matcher(presented).matches()) {
      throw refused("The " + SIGNATURE_HEADER + " header is not of the form v0=<64 hex digits>.");
    }
    String text = new String(body, StandardCharsets.UTF_8);
    // A body that is not exactly the UTF-8 of a text cannot be what Slack signed.
    boolean utf8 = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body);
    String expected = generator.generate(sentAt, text);
    if (!utf8
        || expected == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII))) {
      throw refused(
          "The " + SIGNATURE_HEADER + " header does not match the body with the signing secret.");
    }
  }

  private void checkWithinTolerance(Instant sentAt) {
    Instant now = clock.instant();
    if (sentAt.isBefore(now.minus(tolerance))) {
      throw refused(
          "The "
              + TIMESTAMP_HEADER
              + " is stale: more than "
              + readable(tolerance)
              + " before the server's time.");
    }
    if (sentAt.isAfter(now.plus(tolerance))) {
      throw refused(
          "The "
              + TIMESTAMP_HEADER
              + " is in the future: more than "
              + readable(tolerance)
              + " after the server's time.");
    }
  }

  private static ProblemException refused(String detail) {
    return new ProblemException(ProblemType.INVALID_SLACK_SIGNATURE, detail);
  }

  private static String readable(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
