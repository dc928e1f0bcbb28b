package com.leadprocessor.connector;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks email addresses for log lines: {@code potential.lead@example.com} becomes {@code
 * p***@example.com}, enough to tell leads apart without writing personal data to the logs.
 */
public final class MaskedEmail {

  private static final Pattern EMAIL_IN_TEXT =
      Pattern.compile("[^\\s@<>()\\[\\],;:\"']+@([A-Za-z0-9\\p{L}.-]+)");

  private MaskedEmail() {}

  /** The address with its local part masked; {@code <none>} for null, {@code ***} for no '@'. */
  public static String of(String email) {
    if (email == null) {
      return "<none>";
    }
    String trimmed = email.strip();
    int at = trimmed.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return trimmed.charAt(0) + "***" + trimmed.substring(at);
  }

  /** The text with every email address in it masked, for error messages that may quote one. */
  public static String in(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = EMAIL_IN_TEXT.matcher(text);
    StringBuilder masked = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(masked, Matcher.quoteReplacement(of(matcher.group())));
    }
    matcher.appendTail(masked);
    return masked.toString();
  }
}
