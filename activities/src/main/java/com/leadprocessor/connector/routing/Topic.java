package com.leadprocessor.connector.routing;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A subject a visitor may ask about, found by its keywords and phrases: case-insensitive, as whole
 * words, with any run of whitespace between the words of a phrase.
 */
public record Topic(String name, List<String> keywords, Pattern pattern) {

  public Topic {
    keywords = List.copyOf(keywords);
  }

  static Topic of(String name, List<String> keywords) {
    String alternatives =
        keywords.stream()
            .map(keyword -> String.join("\\s+", quotedWords(keyword)))
            .collect(Collectors.joining("|"));
    Pattern pattern =
        Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return new Topic(name, keywords, pattern);
  }

  /** Whether the text mentions this topic. */
  public boolean foundIn(String text) {
    return text != null && pattern.matcher(text).find();
  }

  private static List<String> quotedWords(String keyword) {
    return List.of(keyword.strip().split("\\s+")).stream().map(Pattern::quote).toList();
  }
}
