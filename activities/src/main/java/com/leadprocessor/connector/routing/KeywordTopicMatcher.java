package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.routing.TopicMatch;
import java.util.List;
import java.util.Objects;

/**
 * Finds topics by their keywords only, in the order the rules file lists them: how routing worked
 * before topics had examples, and what {@code leads.routing.match-by: keywords} keeps.
 */
final class KeywordTopicMatcher implements TopicMatcher {

  private final List<Topic> topics;

  KeywordTopicMatcher(List<Topic> topics) {
    this.topics = List.copyOf(topics);
  }

  @Override
  public List<TopicMatch> match(String question, String transcriptExcerpt) {
    return topics.stream()
        .map(topic -> byKeyword(topic, question))
        .filter(Objects::nonNull)
        .toList();
  }

  static TopicMatch byKeyword(Topic topic, String text) {
    String keyword = topic.keywordIn(text);
    return keyword == null ? null : new TopicMatch(topic.name(), 1.0, keyword, "keyword");
  }
}
