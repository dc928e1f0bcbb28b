package com.leadprocessor.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request to the webhook: its body bytes exactly as sent, its headers (a name may
 * repeat), whether the body is sent chunked, and what kind of input it is.
 *
 * @param conversationId the conversation of a valid event, {@code null} for any other body
 */
public record HostileDelivery(
    String kind,
    byte[] body,
    List<Map.Entry<String, String>> headers,
    boolean chunked,
    String conversationId) {

  @Override
  public String toString() {
    StringBuilder shown = new StringBuilder(kind).append(chunked ? " (chunked)" : "");
    headers.forEach(
        header ->
            shown
                .append("\n  ")
                .append(header.getKey())
                .append(": ")
                .append(cut(header.getValue())));
    return shown
        .append("\n  body (")
        .append(body.length)
        .append(" bytes): ")
        .append(cut(printable(body)))
        .toString();
  }

  private static String printable(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    String text = new String(bytes, StandardCharsets.UTF_8);
    text.codePoints()
        .limit(400)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfffd) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static String cut(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + ")";
  }
}
