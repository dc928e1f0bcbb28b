package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.routing.LeadPriority;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a routing rules file and validates all of it, so that a mistake stops the worker at
 * start-up with every problem named, instead of misrouting leads later. See {@code
 * routing-rules.yml} in this module for the format.
 */
final class RoutingRulesParser {

  private static final List<String> FILE_KEYS = List.of("topics", "rules", "default");
  private static final List<String> RULE_KEYS = List.of("name", "when", "then");
  private static final List<String> CONDITION_KEYS =
      List.of("topics-any", "source-url-prefix", "source-url-pattern", "email-kind");
  private static final List<String> OUTCOME_KEYS =
      List.of("slack-channel", "salesforce-owner-id", "priority");

  private static final Pattern TOPIC_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern CHANNEL_NAME = Pattern.compile("#[a-z0-9][a-z0-9_-]{0,79}");
  private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{8,}");
  private static final Pattern SALESFORCE_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

  private final String location;
  private final UnaryOperator<String> placeholders;
  private final List<String> problems = new ArrayList<>();

  private RoutingRulesParser(String location, UnaryOperator<String> placeholders) {
    this.location = location;
    this.placeholders = placeholders;
  }

  /**
   * Parses and validates a rules file.
   *
   * @param location where the file is, for error messages
   * @param placeholders resolves {@code ${NAME:default}} placeholders in outcome values; throws
   *     {@link IllegalArgumentException} for one it cannot resolve
   * @throws InvalidRoutingRulesException naming every problem found
   */
  static RoutingRules parse(String location, InputStream yaml, UnaryOperator<String> placeholders) {
    return new RoutingRulesParser(location, placeholders).parse(yaml);
  }

  private RoutingRules parse(InputStream yaml) {
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (YAMLException e) {
      throw new InvalidRoutingRulesException(
          location, List.of("not valid YAML: " + e.getMessage()));
    }
    if (!(root instanceof Map<?, ?> file)) {
      throw new InvalidRoutingRulesException(
          location, List.of("the file must be a YAML mapping with the keys " + FILE_KEYS));
    }
    checkKeys(file, FILE_KEYS, "the file");
    List<Topic> topics = topics(file.get("topics"));
    Set<String> topicNames = topics.stream().map(Topic::name).collect(Collectors.toSet());
    List<RoutingRule> rules = rules(file.get("rules"), topicNames);
    RouteOutcome defaults = defaults(file);
    if (!problems.isEmpty()) {
      throw new InvalidRoutingRulesException(location, problems);
    }
    return new RoutingRules(topics, rules, defaults);
  }

  private List<Topic> topics(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add("topics: expected a mapping of topic name to a list of keywords");
      return List.of();
    }
    List<Topic> topics = new ArrayList<>();
    map.forEach(
        (key, keywords) -> {
          String name = String.valueOf(key);
          String where = "topic '" + name + "'";
          if (!TOPIC_NAME.matcher(name).matches()) {
            problems.add(where + ": invalid name; expected lower-case letters, digits, '-' or '_'");
          }
          List<String> list = strings(keywords, where + ": keywords");
          if (list.isEmpty()) {
            problems.add(where + ": has no keywords; expected a list such as [api, webhook]");
          } else {
            topics.add(Topic.of(name, list));
          }
        });
    return topics;
  }

  private List<RoutingRule> rules(Object value, Set<String> topicNames) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problems.add("rules: expected a list of rules, each with name, when and then");
      return List.of();
    }
    List<RoutingRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int index = 0; index < list.size(); index++) {
      String position = "rules[" + index + "]";
      if (!(list.get(index) instanceof Map<?, ?> rule)) {
        problems.add(position + ": expected a mapping with name, when and then");
        continue;
      }
      String name = scalar(rule.get("name"));
      String where = name == null ? position : "rule '" + name + "'";
      if (name == null || name.isBlank()) {
        problems.add(position + ": name is required; expected a short name such as 'enterprise'");
      } else if (!names.add(name)) {
        problems.add(where + ": duplicate rule name; expected each rule name once");
      } else if (name.contains("+")) {
        problems.add(where + ": name must not contain '+', which joins rule names in a route");
      }
      checkKeys(rule, RULE_KEYS, where);
      RuleCondition when = condition(rule.get("when"), where, topicNames);
      RouteOutcome then = outcome(rule.get("then"), where + ": then", false);
      if (when != null && then != null && name != null) {
        rules.add(new RoutingRule(name, when, then));
      }
    }
    return rules;
  }

  private RuleCondition condition(Object value, String where, Set<String> topicNames) {
    String at = where + ": when";
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      problems.add(at + " has no condition; expected at least one of " + CONDITION_KEYS);
      return null;
    }
    checkKeys(map, CONDITION_KEYS, at);
    List<String> topicsAny = List.of();
    if (map.containsKey("topics-any")) {
      topicsAny = strings(map.get("topics-any"), at + ".topics-any");
      if (topicsAny.isEmpty()) {
        problems.add(at + ".topics-any is empty; expected a list of topic names such as [api]");
      }
      for (String topic : topicsAny) {
        if (!topicNames.contains(topic)) {
          problems.add(
              "%s.topics-any names unknown topic '%s'; expected one of the topics defined under 'topics': %s"
                  .formatted(at, topic, topicNames.stream().sorted().toList()));
        }
      }
    }
    String prefix = null;
    if (map.containsKey("source-url-prefix")) {
      prefix = scalar(map.get("source-url-prefix"));
      if (prefix == null || !prefix.startsWith("/")) {
        problems.add(
            at
                + ".source-url-prefix '"
                + prefix
                + "' is invalid; expected a path starting with '/', for example /pricing/enterprise");
      }
    }
    Pattern pattern = null;
    if (map.containsKey("source-url-pattern")) {
      String regex = scalar(map.get("source-url-pattern"));
      try {
        pattern = Pattern.compile(regex == null ? "" : regex);
        if (regex == null || regex.isBlank()) {
          problems.add(at + ".source-url-pattern is empty; expected a regular expression");
        }
      } catch (PatternSyntaxException e) {
        problems.add(
            "%s.source-url-pattern '%s' is not a valid regular expression (%s near index %d)"
                .formatted(at, regex, e.getDescription(), e.getIndex()));
      }
    }
    EmailKind emailKind = null;
    if (map.containsKey("email-kind")) {
      emailKind = enumValue(EmailKind.class, map.get("email-kind"), at + ".email-kind");
    }
    return new RuleCondition(topicsAny, prefix, pattern, emailKind);
  }

  private RouteOutcome outcome(Object value, String at, boolean isDefault) {
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      problems.add(at + " sets nothing; expected at least one of " + OUTCOME_KEYS);
      return null;
    }
    checkKeys(map, OUTCOME_KEYS, at);
    if (OUTCOME_KEYS.stream().noneMatch(map::containsKey)) {
      problems.add(at + " sets nothing; expected at least one of " + OUTCOME_KEYS);
      return null;
    }
    String channel = null;
    if (map.containsKey("slack-channel")) {
      channel = resolved(map.get("slack-channel"), at + ".slack-channel");
      if (channel == null) {
        problems.add(
            at
                + ".slack-channel is empty; expected a channel such as \"#dev-sales\" in quotes,"
                + " because an unquoted # starts a YAML comment");
      } else if (!CHANNEL_NAME.matcher(channel).matches()
          && !CHANNEL_ID.matcher(channel).matches()) {
        problems.add(
            at
                + ".slack-channel '"
                + channel
                + "' is invalid; expected a channel name starting with '#' (lower case, for"
                + " example \"#dev-sales\") or a Slack channel id (for example C0123456789)");
      }
    } else if (isDefault) {
      problems.add(
          at + ".slack-channel is required; expected the channel alerted when no rule sets one");
    }
    String owner = null;
    if (map.containsKey("salesforce-owner-id")) {
      owner = resolved(map.get("salesforce-owner-id"), at + ".salesforce-owner-id");
      if (owner != null && !SALESFORCE_ID.matcher(owner).matches()) {
        problems.add(
            at
                + ".salesforce-owner-id '"
                + owner
                + "' is invalid; expected a 15 or 18 character Salesforce user or queue id, or"
                + " empty to let assignment rules decide");
      }
    }
    LeadPriority priority = null;
    if (map.containsKey("priority")) {
      priority = enumValue(LeadPriority.class, map.get("priority"), at + ".priority");
    } else if (isDefault) {
      problems.add(at + ".priority is required; expected one of " + names(LeadPriority.class));
    }
    return new RouteOutcome(channel, owner, priority);
  }

  private RouteOutcome defaults(Map<?, ?> file) {
    if (!file.containsKey("default")) {
      problems.add(
          "default is missing; expected a default outcome with slack-channel and priority, used"
              + " when no rule sets them");
      return null;
    }
    return outcome(file.get("default"), "default", true);
  }

  private String resolved(Object value, String at) {
    String raw = scalar(value);
    if (raw == null) {
      return null;
    }
    try {
      String resolved = placeholders.apply(raw).strip();
      return resolved.isEmpty() ? null : resolved;
    } catch (IllegalArgumentException e) {
      problems.add(
          "%s: %s; expected a value, or a placeholder with a default such as ${NAME:}"
              .formatted(at, e.getMessage()));
      return null;
    }
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, Object value, String at) {
    String raw = scalar(value);
    try {
      return Enum.valueOf(type, raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("%s '%s' is invalid; expected one of %s".formatted(at, raw, names(type)));
      return null;
    }
  }

  private List<String> strings(Object value, String at) {
    if (value == null) {
      return List.of();
    }
    List<?> items = value instanceof List<?> list ? list : List.of(value);
    List<String> strings = new ArrayList<>();
    for (Object item : items) {
      String string = scalar(item);
      if (string == null || string.isBlank() || item instanceof Map || item instanceof List) {
        problems.add(at + " has an empty or nested entry; expected plain words or phrases");
      } else {
        strings.add(string.strip());
      }
    }
    return strings;
  }

  private void checkKeys(Map<?, ?> map, List<String> known, String at) {
    for (Object key : map.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        problems.add("%s: unknown key '%s'; expected one of %s".formatted(at, key, known));
      }
    }
  }

  private static String scalar(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Enum::name)
        .collect(Collectors.toCollection(LinkedHashSet::new))
        .toString();
  }
}
