package com.leadprocessor.api.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The bearer tokens of the review API. A presented token is compared with every configured one, in
 * constant time and without stopping at the first match, on SHA-256 digests so that neither the
 * position of the first differing byte nor a token's length shows in the timing.
 */
public final class ReviewTokens {

  /** Shorter tokens are refused at start-up: they can be guessed. */
  static final int MIN_LENGTH = 16;

  private final List<byte[]> digests;

  private ReviewTokens(List<byte[]> digests) {
    this.digests = digests;
  }

  /**
   * @throws InvalidReviewTokensException if a token is too short; the message names the entry by
   *     position only, never by value
   */
  public static ReviewTokens of(List<String> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).length() < MIN_LENGTH) {
        throw new InvalidReviewTokensException(
            "Review API token #"
                + (i + 1)
                + " of leads.review.api-tokens is shorter than "
                + MIN_LENGTH
                + " characters.");
      }
    }
    return new ReviewTokens(tokens.stream().map(ReviewTokens::digest).toList());
  }

  int size() {
    return digests.size();
  }

  /**
   * @return the 1-based position of the configured token that equals {@code presented}, or 0 when
   *     none does
   */
  public int match(String presented) {
    byte[] candidate = digest(presented);
    int matched = 0;
    for (int i = 0; i < digests.size(); i++) {
      if (MessageDigest.isEqual(digests.get(i), candidate) && matched == 0) {
        matched = i + 1;
      }
    }
    return matched;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
