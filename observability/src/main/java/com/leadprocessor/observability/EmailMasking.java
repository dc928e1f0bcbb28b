package com.leadprocessor.observability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks email addresses for logs and for texts that reach people: {@code
 * potential.lead@example.com} becomes {@code p***@example.com}, enough to tell leads apart without
 * writing personal data down. The JSON log encoder masks every log message with it; code masks an
 * address or an error text with it before the text leaves the process.
 */
public final class EmailMasking {

  /** A character of an address's local part as it appears in log text. */
  private static final String LOCAL_CHAR = "[^\\s@<>()\\[\\]{},;:\"'`=/|\\\\]";

  private static final String DOMAIN = "@[A-Za-z0-9\\p{L}-]+(?:\\.[A-Za-z0-9\\p{L}-]+)+";

  private static final Pattern EMAIL =
      Pattern.compile("(" + LOCAL_CHAR + ")" + LOCAL_CHAR + "*(" + DOMAIN + ")");

  private EmailMasking() {}

  /** One address with its local part masked; {@code <none>} for null, {@code ***} for no '@'. */
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

  /** The text with every email-shaped part masked; {@code null} stays {@code null}. */
  public static String mask(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    Matcher matcher = EMAIL.matcher(text);
    StringBuilder masked = new StringBuilder(text.length());
    while (matcher.find()) {
      matcher.appendReplacement(
          masked, Matcher.quoteReplacement(matcher.group(1) + "***" + matcher.group(2)));
    }
    matcher.appendTail(masked);
    return masked.toString();
  }
}
