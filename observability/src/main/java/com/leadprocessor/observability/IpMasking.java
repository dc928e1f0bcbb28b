package com.leadprocessor.observability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks IP addresses for logs, as {@link EmailMasking} masks emails: {@code 203.0.113.42} becomes
 * {@code 203.0.*.*} and {@code 2001:db8:85a3::8a2e:370:7334} becomes {@code 2001:db8:*}, enough to
 * tell networks apart without writing a visitor's address down. Clock times such as {@code
 * 12:30:05} are not IPv6 addresses and stay as they are.
 */
public final class IpMasking {

  private static final Pattern IPV4 =
      Pattern.compile(
          "(?<!\\w|\\d\\.)(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?!\\w|\\.\\d)");

  private static final Pattern IPV6_CANDIDATE =
      Pattern.compile("(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\\w:])");

  private IpMasking() {}

  /** The text with every IP-address-shaped part masked; {@code null} stays {@code null}. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text.indexOf('.') < 0 ? text : maskIpv4(text);
    return masked.indexOf(':') < 0 ? masked : maskIpv6(masked);
  }

  private static String maskIpv4(String text) {
    Matcher matcher = IPV4.matcher(text);
    StringBuilder masked = new StringBuilder(text.length());
    while (matcher.find()) {
      String replacement =
          isOctets(matcher) ? matcher.group(1) + "." + matcher.group(2) + ".*.*" : matcher.group();
      matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(masked);
    return masked.toString();
  }

  private static boolean isOctets(Matcher matcher) {
    for (int group = 1; group <= 4; group++) {
      if (Integer.parseInt(matcher.group(group)) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String maskIpv6(String text) {
    Matcher matcher = IPV6_CANDIDATE.matcher(text);
    StringBuilder masked = new StringBuilder(text.length());
    while (matcher.find()) {
      String candidate = matcher.group();
      String replacement = isIpv6(candidate) ? prefix(candidate) + ":*" : candidate;
      matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(masked);
    return masked.toString();
  }

  /**
   * An address written in full (eight groups) or compressed with {@code ::}; three groups of digits
   * without {@code ::} are a clock time, not an address.
   */
  private static boolean isIpv6(String candidate) {
    int compressions = candidate.split("::", -1).length - 1;
    if (compressions > 1) {
      return false;
    }
    long groups = candidate.chars().filter(c -> c == ':').count() + 1;
    return compressions == 1 || (groups == 8 && !candidate.contains("::"));
  }

  private static String prefix(String address) {
    String[] groups = address.split(":", -1);
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < 2 && i < groups.length && !groups[i].isEmpty(); i++) {
      prefix.append(i == 0 ? "" : ":").append(groups[i]);
    }
    return prefix.isEmpty() ? "" : prefix.toString();
  }
}
