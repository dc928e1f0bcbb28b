package com.leadprocessor.connector.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.groups.ConvertGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Name;

/**
 * A routing rules file as written, which {@link RoutingRulesReader} binds: each YAML key is the
 * dashed name of a record component ({@code source-url-prefix} for {@code sourceUrlPrefix}). The
 * constraints check each field; {@link #crossReferenceProblems()} checks what refers to what.
 *
 * @param topics each topic's name and its keywords, in the order the file lists them
 * @param rules the rules, in the order they are evaluated
 * @param defaults the outcome when no matching rule sets a field; {@code default} in the file
 */
record RoutingRulesFile(
    Map<
            @Pattern(
                regexp = "[a-z0-9][a-z0-9_-]*",
                message =
                    "is not a valid topic name; expected lower-case letters, digits, '-' or '_'")
            String,
            @NotEmpty(message = "has no keywords; expected a list such as [api, webhook]") List<
                @NotBlank(message = "is empty; expected a word or a phrase") String>>
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

  /** Rule names used twice, and topics a rule names that the file does not define. */
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
    }
    return problems;
  }

  /** The rules in force; only for a file without problems. */
  RoutingRules toRules() {
    List<Topic> topicList =
        topics.entrySet().stream()
            .map(topic -> Topic.of(topic.getKey(), topic.getValue()))
            .toList();
    return new RoutingRules(topicList, rules, defaults);
  }
}
