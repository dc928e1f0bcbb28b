package com.leadprocessor.workflow.routing;

import java.util.Locale;

/**
 * Why a lead was given its topic, so a salesperson can see why it came to them.
 *
 * @param topic the topic's name, for example {@code migration}
 * @param score how close the question is to the topic, from 0 to 1: the cosine similarity of the
 *     question and the nearest example, or 1 for a keyword found as written
 * @param nearestExample the topic's example question nearest to the visitor's question, or the
 *     keyword found
 * @param by {@code meaning} when the examples matched, {@code keyword} when a keyword did
 */
public record TopicMatch(String topic, double score, String nearestExample, String by) {

  /** The match as one line: {@code migration 0.71, like "Can we import from Salesforce?"}. */
  public String describe() {
    String score = String.format(Locale.ROOT, "%.2f", this.score);
    return "keyword".equals(by)
        ? "%s (keyword \"%s\")".formatted(topic, nearestExample)
        : "%s %s, like \"%s\"".formatted(topic, score, nearestExample);
  }
}
