package com.leadprocessor.workflow.lead;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Derives the workflow id of a lead from its conversation id, the business key that makes a
 * redelivered webhook collapse onto the lead it already started.
 */
public final class LeadWorkflowIds {

  private static final String PREFIX = "lead-";
  private static final int MAX_SAFE_LENGTH = 120;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern UNSAFE_RUN = Pattern.compile("[^A-Za-z0-9._-]+");

  private LeadWorkflowIds() {}

  /**
   * Returns {@code lead-<conversationId>} when the conversation id has only safe characters and a
   * sane length. Otherwise the unsafe characters are replaced and a hash of the exact original is
   * appended, so two different conversation ids can never share a workflow id.
   */
  public static String forConversation(String conversationId) {
    if (conversationId == null || conversationId.isBlank()) {
      throw new IllegalArgumentException("conversation id must not be blank");
    }
    if (SAFE.matcher(conversationId).matches() && conversationId.length() <= MAX_SAFE_LENGTH) {
      return PREFIX + conversationId;
    }
    String readable = UNSAFE_RUN.matcher(conversationId).replaceAll("_");
    if (readable.length() > 60) {
      readable = readable.substring(0, 60);
    }
    return PREFIX + readable + "-" + sha256Prefix(conversationId);
  }

  private static String sha256Prefix(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
