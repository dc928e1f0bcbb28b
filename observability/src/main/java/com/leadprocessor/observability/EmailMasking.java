package com.leadprocessor.observability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything shaped like an email address in a log text: {@code potential.lead@example.com}
 * becomes {@code p***@example.com}, the same form as the activities' {@code MaskedEmail}, enough to
 * tell leads apart without writing personal data to the logs.
 */
public final class EmailMasking {

  /** A character of an address's local part as it appears in log text. */
  private static final String LOCAL_CHAR = "[^\\s@<>()\\[\\]{},;:\"'`=/|\\\\]";

  private static final String DOMAIN = "@[A-Za-z0-9\\p{L}-]+(?:\\.[A-Za-z0-9\\p{L}-]+)+";

  private static final Pattern EMAIL =
      Pattern.compile("(" + LOCAL_CHAR + ")" + LOCAL_CHAR + "*(" + DOMAIN + ")");

  private EmailMasking() {}

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
