package com.leadprocessor.connector.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.groups.ConvertGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.boot.context.properties.bind.Name;

/**
 * A routing rules file as written, which {@link RoutingRulesReader} binds: each YAML key is the
 * dashed name of a record component ({@code source-url-prefix} for {@code sourceUrlPrefix}). The
 * constraints check each field; {@link #crossReferenceProblems()} checks what refers to what.
 *
 * @param matching how questions are matched to topics by meaning
 * @param topics each topic's name, examples and keywords, in the order the file lists them
 * @param rules the rules, in the order they are evaluated
 * @param defaults the outcome when no matching rule sets a field; {@code default} in the file
 */
record RoutingRulesFile(
    @Valid TopicMatching matching,
    Map<
            @Pattern(
                regexp = "[a-z0-9][a-z0-9_-]*",
                message =
                    "is not a valid topic name; expected lower-case letters, digits, '-' or '_'")
            String,
            @NotNull(
                message =
                    "has no examples; expected examples: [...] with a few questions a visitor"
                        + " might ask about the topic")
            @Valid TopicDefinition>
        topics,
    List<@Valid RoutingRule> rules,
    @Name("default")
        @NotNull(
            message =
                "is missing; expected a default outcome with slack-channel and priority, used when"
                    + " no rule sets them")
        @Valid
        @ConvertGroup(to = RouteOutcome.DefaultRoute.class)
        RouteOutcome defaults) {

  RoutingRulesFile {
    matching = matching == null ? TopicMatching.defaults() : matching;
    topics = topics == null ? Map.of() : topics;
    rules = rules == null ? List.of() : rules;
  }

  /**
   * A mistake in the file.
   *
   * @param path where, as a property path such as {@code rules[2].then.priority}; empty for the
   *     whole file
   * @param text what is wrong and what is expected, to follow the path
   */
  record Problem(String path, String text) {}

  /**
   * Rule names used twice, topics a rule names that the file does not define, size bands,
   * industries and countries that enrichment never gives, and claim blocks that do not add up.
   */
  List<Problem> crossReferenceProblems() {
    List<Problem> problems = new ArrayList<>();
    List<String> topicNames = topics.keySet().stream().sorted().toList();
    Set<String> ruleNames = new HashSet<>();
    for (int index = 0; index < rules.size(); index++) {
      RoutingRule rule = rules.get(index);
      String at = "rules[" + index + "]";
      if (rule.name() != null && !ruleNames.add(rule.name())) {
        problems.add(new Problem(at, "duplicate rule name; expected each rule name once"));
      }
      List<String> topicsAny = rule.when() == null ? null : rule.when().topicsAny();
      for (String topic : topicsAny == null ? List.<String>of() : topicsAny) {
        if (!topicNames.contains(topic)) {
          problems.add(
              new Problem(
                  at + ".when.topics-any",
                  "names unknown topic '%s'; expected one of the topics defined under 'topics': %s"
                      .formatted(topic, topicNames)));
        }
      }
      if (rule.when() != null) {
        companyProblems(rule.when(), at, problems);
      }
      if (rule.then() != null && rule.then().claim() != null) {
        problems.addAll(rule.then().claim().problems(at + ".then.claim"));
      }
    }
    if (defaults != null && defaults.claim() != null) {
      problems.addAll(defaults.claim().problems("default.claim"));
    }
    return problems;
  }

  private static void companyProblems(RuleCondition when, String at, List<Problem> problems) {
    unknownNames(
        when.companySizeAny(),
        CompanyVocabulary.SIZE_BANDS::contains,
        at + ".when.company-size-any",
        "employee band",
        "one of " + CompanyVocabulary.SIZE_BANDS,
        problems);
    unknownNames(
        when.industryAny(),
        CompanyVocabulary::isIndustry,
        at + ".when.industry-any",
        "industry",
        "a GICS industry name as enrichment gives it, such as 'Software', 'Banks' or 'IT"
            + " Services' (the full list is in docs/routing-rules.md)",
        problems);
    unknownNames(
        when.countryAny(),
        CompanyVocabulary.COUNTRIES::contains,
        at + ".when.country-any",
        "country",
        "ISO 3166 two-letter codes such as DE, FR or US",
        problems);
  }

  private static void unknownNames(
      List<String> names,
      Predicate<String> known,
      String path,
      String kind,
      String expected,
      List<Problem> problems) {
    for (String name : names == null ? List.<String>of() : names) {
      if (!known.test(name)) {
        problems.add(
            new Problem(
                path, "names unknown %s '%s'; expected %s".formatted(kind, name, expected)));
      }
    }
  }

  /**
   * The rules in force; only for a file without problems.
   *
   * @param matcherFor builds the topic matcher: by meaning, or by keywords only
   */
  RoutingRules toRules(MatcherFactory matcherFor) {
    List<Topic> topicList =
        topics.entrySet().stream()
            .map(
                topic ->
                    Topic.of(
                        topic.getKey(),
                        topic.getValue().examples(),
                        topic.getValue().keywords(),
                        topic.getValue().threshold() == null
                            ? matching.threshold()
                            : topic.getValue().threshold()))
            .toList();
    return new RoutingRules(topicList, rules, defaults, matcherFor.create(topicList, matching));
  }

  /** Builds the matcher of a file's topics. */
  interface MatcherFactory {
    TopicMatcher create(List<Topic> topics, TopicMatching matching);
  }
}
