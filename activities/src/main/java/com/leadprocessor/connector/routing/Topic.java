package com.leadprocessor.connector.routing;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A subject a visitor may ask about: found by meaning, near one of its example questions, or by a
 * keyword or phrase found as written (case-insensitive, as whole words, with any run of whitespace
 * between the words of a phrase).
 *
 * @param pattern the keywords as one expression; null when the topic has none
 * @param threshold the similarity a question needs with the nearest example
 */
public record Topic(
    String name, List<String> examples, List<String> keywords, Pattern pattern, double threshold) {

  public Topic {
    examples = List.copyOf(examples);
    keywords = List.copyOf(keywords);
  }

  static Topic of(String name, List<String> examples, List<String> keywords, double threshold) {
    return new Topic(name, examples, keywords, patternOf(keywords), threshold);
  }

  /** Whether the text has one of the topic's keywords. */
  public boolean foundIn(String text) {
    return keywordIn(text) != null;
  }

  /** The first keyword found in the text, as written there; null when none is. */
  String keywordIn(String text) {
    if (text == null || pattern == null) {
      return null;
    }
    var matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group() : null;
  }

  private static Pattern patternOf(List<String> keywords) {
    if (keywords.isEmpty()) {
      return null;
    }
    String alternatives =
        keywords.stream()
            .map(keyword -> String.join("\\s+", quotedWords(keyword)))
            .collect(Collectors.joining("|"));
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static List<String> quotedWords(String keyword) {
    return List.of(keyword.strip().split("\\s+")).stream().map(Pattern::quote).toList();
  }
}
