package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.routing.TopicMatch;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds topics by meaning: the question is embedded with a sentence-embedding model that runs in
 * the worker's process, and compared with each topic's examples, embedded once when the rules are
 * loaded. A question is on a topic when its cosine similarity with the topic's nearest example
 * reaches the topic's threshold; a keyword found as written puts it on the topic whatever the
 * examples say. Further topics count only when they are nearly as close as the nearest (see {@link
 * TopicMatching#margin()}). When enrichment fetched a transcript excerpt, it is embedded too, and a
 * topic takes the better of the two scores.
 */
final class MeaningTopicMatcher implements TopicMatcher {

  /** A topic with its examples' embeddings, in the order of {@link Topic#examples()}. */
  private record EmbeddedTopic(Topic topic, List<float[]> examples) {}

  private final EmbeddingModel model;
  private final List<EmbeddedTopic> topics;
  private final int maxTopics;
  private final double margin;

  MeaningTopicMatcher(EmbeddingModel model, List<Topic> topics, TopicMatching matching) {
    this.model = model;
    this.maxTopics = matching.maxTopics();
    this.margin = matching.margin();
    List<TextSegment> examples =
        topics.stream().flatMap(topic -> topic.examples().stream()).map(TextSegment::from).toList();
    List<Embedding> embedded = examples.isEmpty() ? List.of() : model.embedAll(examples).content();
    List<EmbeddedTopic> byTopic = new ArrayList<>();
    int next = 0;
    for (Topic topic : topics) {
      List<float[]> vectors = new ArrayList<>();
      for (int i = 0; i < topic.examples().size(); i++) {
        vectors.add(unit(embedded.get(next++).vector()));
      }
      byTopic.add(new EmbeddedTopic(topic, vectors));
    }
    this.topics = List.copyOf(byTopic);
  }

  @Override
  public List<TopicMatch> match(String question, String transcriptExcerpt) {
    Map<String, TopicMatch> matches = new LinkedHashMap<>();
    for (EmbeddedTopic embedded : topics) {
      TopicMatch keyword = KeywordTopicMatcher.byKeyword(embedded.topic(), question);
      if (keyword != null) {
        matches.put(keyword.topic(), keyword);
      }
    }
    List<TopicMatch> byMeaning = new ArrayList<>();
    for (String text : new String[] {question, transcriptExcerpt}) {
      if (text != null && !text.isBlank()) {
        byMeaning.addAll(nearest(unit(model.embed(text).content().vector())));
      }
    }
    byMeaning.stream()
        .sorted(Comparator.comparingDouble(TopicMatch::score).reversed())
        .forEach(match -> matches.putIfAbsent(match.topic(), match));
    double best = matches.values().stream().mapToDouble(TopicMatch::score).max().orElse(0);
    return matches.values().stream()
        .filter(match -> match.score() >= best - margin)
        .sorted(Comparator.comparingDouble(TopicMatch::score).reversed())
        .limit(maxTopics)
        .toList();
  }

  /** Each topic whose nearest example is at least its threshold close to the text. */
  private List<TopicMatch> nearest(float[] text) {
    List<TopicMatch> found = new ArrayList<>();
    for (EmbeddedTopic embedded : topics) {
      double best = -1;
      int bestIndex = -1;
      for (int i = 0; i < embedded.examples().size(); i++) {
        double score = dot(text, embedded.examples().get(i));
        if (score > best) {
          best = score;
          bestIndex = i;
        }
      }
      Topic topic = embedded.topic();
      if (bestIndex >= 0 && best >= topic.threshold()) {
        found.add(
            new TopicMatch(
                topic.name(), Math.min(1.0, best), topic.examples().get(bestIndex), "meaning"));
      }
    }
    return found;
  }

  private static float[] unit(float[] vector) {
    double norm = Math.sqrt(dot(vector, vector));
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
