package com.leadprocessor.connector.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scores the shipped topics on the labelled questions in {@code routing-eval/questions.csv}: per
 * topic precision, recall and F1, and their macro average, on the held-out {@code test} rows, for
 * the keyword matcher and the matcher by meaning side by side. The figures are printed and written
 * to {@code target/routing-eval.md}; the build fails when the matcher by meaning falls below the
 * floor recorded in {@code routing-eval/macro-f1-floor.txt}. The {@code dev} rows are for tuning
 * the threshold and the examples: {@code -Dleads.routingEval.sweep} prints macro-F1 on them by
 * threshold.
 */
class RoutingEvaluationTest {

  /** The label of a question on none of the topics. */
  static final String NONE = "none";

  record Question(String id, String split, String topic, String text) {}

  /** Precision, recall and F1 of one topic, and the macro average over the topics. */
  record Scores(Map<String, double[]> byTopic, double macroF1, double accuracy) {}

  private static final List<Question> QUESTIONS = read("routing-eval/questions.csv");

  @Test
  void matcherByMeaningKeepsItsMacroF1OnTheHeldOutQuestions() throws IOException {
    RoutingRules byMeaning = RoutingRulesFixtures.shipped();
    RoutingRules byKeywords = keywordsBeforeExamples(byMeaning);
    List<String> topics = byMeaning.topics().stream().map(Topic::name).toList();
    List<Question> heldOut = QUESTIONS.stream().filter(q -> q.split().equals("test")).toList();

    Scores keywords = score(byKeywords, heldOut, topics);
    Scores meaning = score(byMeaning, heldOut, topics);
    long[] latencies = latenciesMicros(byMeaning);
    long[] keywordLatencies = latenciesMicros(byKeywords);
    double floor = Double.parseDouble(text("routing-eval/macro-f1-floor.txt").strip());

    String report =
        report(topics, heldOut.size(), keywords, meaning, latencies, keywordLatencies, floor);
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "routing-eval.md"), report);
    if (Boolean.getBoolean("leads.routingEval.sweep")) {
      System.out.println(sweep(byMeaning, topics));
      QUESTIONS.stream()
          .filter(q -> q.split().equals("dev"))
          .filter(q -> !predict(byMeaning, q.text()).equals(q.topic()))
          .forEach(
              q ->
                  System.out.println(
                      q.topic() + " <- " + predict(byMeaning, q.text()) + ": " + q.text()));
    }

    assertThat(QUESTIONS).hasSizeGreaterThanOrEqualTo(300);
    assertThat(meaning.macroF1())
        .as("macro-F1 of the matcher by meaning on the held-out questions")
        .isGreaterThanOrEqualTo(floor);
  }

  /**
   * The topics' keyword lists as shipped before topics had examples, matched by keywords only: the
   * matcher routing used then.
   */
  static final Map<String, List<String>> KEYWORDS_BEFORE_EXAMPLES =
      Map.of(
          "api",
          List.of(
              "api",
              "apis",
              "integration",
              "integrations",
              "webhook",
              "webhooks",
              "sdk",
              "batch processing",
              "rate limit",
              "rate limits",
              "endpoint",
              "endpoints",
              "rest api",
              "graphql"),
          "security",
          List.of(
              "sso",
              "saml",
              "scim",
              "soc 2",
              "soc2",
              "gdpr",
              "hipaa",
              "iso 27001",
              "security",
              "compliance",
              "encryption"),
          "sla",
          List.of("sla", "slas", "uptime", "support hours", "response time"),
          "migration",
          List.of("migrate", "migrating", "migration", "import", "data transfer"),
          "competitor",
          List.of("compare", "comparison", "versus", "vs", "alternative", "alternatives"),
          "pricing",
          List.of("pricing", "price", "prices", "quote", "enterprise plan", "discount", "cost"));

  private static RoutingRules keywordsBeforeExamples(RoutingRules shipped) {
    List<Topic> topics =
        shipped.topics().stream()
            .map(
                topic ->
                    Topic.of(
                        topic.name(), List.of(), KEYWORDS_BEFORE_EXAMPLES.get(topic.name()), 1.0))
            .toList();
    return new RoutingRules(
        topics, shipped.rules(), shipped.defaults(), new KeywordTopicMatcher(topics));
  }

  static Scores score(RoutingRules rules, List<Question> questions, List<String> topics) {
    Map<String, int[]> counts =
        new LinkedHashMap<>(); // true positives, false positives, false neg.
    topics.forEach(topic -> counts.put(topic, new int[3]));
    int correct = 0;
    for (Question question : questions) {
      String predicted = predict(rules, question.text());
      if (predicted.equals(question.topic())) {
        correct++;
        if (!predicted.equals(NONE)) {
          counts.get(predicted)[0]++;
        }
        continue;
      }
      if (!predicted.equals(NONE)) {
        counts.get(predicted)[1]++;
      }
      if (!question.topic().equals(NONE)) {
        counts.get(question.topic())[2]++;
      }
    }
    Map<String, double[]> byTopic = new LinkedHashMap<>();
    counts.forEach(
        (topic, c) -> {
          double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
          double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
          double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
          byTopic.put(topic, new double[] {precision, recall, f1});
        });
    double macroF1 = byTopic.values().stream().mapToDouble(s -> s[2]).average().orElse(0);
    return new Scores(byTopic, macroF1, (double) correct / questions.size());
  }

  /** The nearest topic of a question, or {@link #NONE}. */
  static String predict(RoutingRules rules, String question) {
    List<String> found = rules.topicsIn(question);
    return found.isEmpty() ? NONE : found.get(0);
  }

  /** How long routing each question takes, warm, in microseconds, sorted. */
  private static long[] latenciesMicros(RoutingRules rules) {
    QUESTIONS.forEach(question -> rules.topicsIn(question.text())); // warm up
    long[] micros = new long[QUESTIONS.size()];
    for (int i = 0; i < micros.length; i++) {
      long started = System.nanoTime();
      rules.topicsIn(QUESTIONS.get(i).text());
      micros[i] = (System.nanoTime() - started) / 1_000;
    }
    Arrays.sort(micros);
    return micros;
  }

  private static String sweep(RoutingRules shipped, List<String> topics) {
    List<Question> dev = QUESTIONS.stream().filter(q -> q.split().equals("dev")).toList();
    StringBuilder table = new StringBuilder("threshold  dev macro-F1\n");
    for (double threshold = 0.15; threshold <= 0.501; threshold += 0.025) {
      double t = threshold;
      List<Topic> retuned =
          shipped.topics().stream()
              .map(topic -> Topic.of(topic.name(), topic.examples(), topic.keywords(), t))
              .toList();
      RoutingRules rules =
          new RoutingRules(
              retuned,
              shipped.rules(),
              shipped.defaults(),
              RoutingRulesFixtures.BY_MEANING.create(retuned, TopicMatching.defaults()));
      table.append(
          String.format(Locale.ROOT, "%.2f       %.3f%n", t, score(rules, dev, topics).macroF1()));
    }
    return table.toString();
  }

  private static String report(
      List<String> topics,
      int questions,
      Scores keywords,
      Scores meaning,
      long[] latencies,
      long[] keywordLatencies,
      double floor) {
    StringBuilder md = new StringBuilder();
    md.append("Routing evaluation: ")
        .append(questions)
        .append(" held-out questions of ")
        .append(QUESTIONS.size())
        .append(
            "\n\n| topic | keywords P | R | F1 | meaning P | R | F1 |\n|---|---|---|---|---|---|---|\n");
    for (String topic : topics) {
      double[] k = keywords.byTopic().get(topic);
      double[] m = meaning.byTopic().get(topic);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
              topic,
              k[0],
              k[1],
              k[2],
              m[0],
              m[1],
              m[2]));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| **macro-F1** | | | **%.3f** | | | **%.3f** |%n"
                + "| accuracy (with none) | | | %.3f | | | %.3f |%n%n"
                + "floor for macro-F1 by meaning: %.3f%n"
                + "routing time per question by meaning, warm, %d questions: p50 %.2f ms, p99 %.2f"
                + " ms%n"
                + "routing time per question by keywords: p50 %.3f ms, p99 %.3f ms%n",
            keywords.macroF1(),
            meaning.macroF1(),
            keywords.accuracy(),
            meaning.accuracy(),
            floor,
            latencies.length,
            percentile(latencies, 0.50) / 1000.0,
            percentile(latencies, 0.99) / 1000.0,
            percentile(keywordLatencies, 0.50) / 1000.0,
            percentile(keywordLatencies, 0.99) / 1000.0));
    return md.toString();
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  private static List<Question> read(String resource) {
    List<String> lines = text(resource).lines().skip(1).filter(line -> !line.isBlank()).toList();
    List<Question> questions = new ArrayList<>();
    for (String line : lines) {
      List<String> fields = csvFields(line);
      questions.add(new Question(fields.get(0), fields.get(1), fields.get(2), fields.get(3)));
    }
    return questions;
  }

  /** The fields of one CSV line (RFC 4180 quoting, no line breaks within a field). */
  static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static String text(String resource) {
    try (InputStream in =
        RoutingEvaluationTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }
}
