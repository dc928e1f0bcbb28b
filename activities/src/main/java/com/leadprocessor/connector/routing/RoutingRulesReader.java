package com.leadprocessor.connector.routing;

import com.leadprocessor.connector.routing.RoutingRulesFile.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a routing rules file: Spring Boot's YAML loader and {@link Binder} turn it into a {@link
 * RoutingRulesFile}, Jakarta Validation checks its fields, and the file checks what refers to what.
 * Every problem is collected, so that a mistake stops the worker at start-up with all of them named
 * by rule and field, instead of misrouting leads later. See {@code docs/routing-rules.md}.
 */
final class RoutingRulesReader {

  private static final Pattern RULE_PATH = Pattern.compile("rules\\[(\\d+)](?:\\.(.+))?");

  /**
   * One key of a property path, with any indexes, as in {@code rules[2]} or {@code topics[api]}.
   */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(\\[[^]]*])*");

  private final String location;
  private final EnumerablePropertySource<?> document;
  private final IterableConfigurationPropertySource yaml;

  private RoutingRulesReader(String location, EnumerablePropertySource<?> document) {
    this.location = location;
    this.document = document;
    this.yaml = (IterableConfigurationPropertySource) ConfigurationPropertySource.from(document);
  }

  /**
   * Reads and validates a rules file.
   *
   * @param location where the file is, for error messages
   * @param placeholders resolves {@code ${NAME:default}} placeholders in values
   * @param matcherFor builds the topic matcher of the rules, once they are valid
   * @throws InvalidRoutingRulesException naming every problem found
   */
  static RoutingRules read(
      String location,
      Resource resource,
      PropertyResolver placeholders,
      Validator validator,
      RoutingRulesFile.MatcherFactory matcherFor) {
    return new RoutingRulesReader(location, load(location, resource))
        .read(placeholders, validator, matcherFor);
  }

  private static EnumerablePropertySource<?> load(String location, Resource resource) {
    List<PropertySource<?>> documents;
    try {
      documents = new YamlPropertySourceLoader().load(location, resource);
    } catch (YAMLException e) {
      throw new InvalidRoutingRulesException(
          location, List.of("not valid YAML: " + e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read routing rules file '%s' set by %s"
              .formatted(location, RoutingProperties.RULES_FILE_PROPERTY),
          e);
    }
    if (documents.size() > 1) {
      throw new InvalidRoutingRulesException(
          location, List.of("not valid YAML: expected one document, found " + documents.size()));
    }
    return documents.isEmpty()
        ? new MapPropertySource(location, Map.of())
        : (EnumerablePropertySource<?>) documents.get(0);
  }

  private RoutingRules read(
      PropertyResolver placeholders,
      Validator validator,
      RoutingRulesFile.MatcherFactory matcherFor) {
    CollectingBindHandler collector = new CollectingBindHandler(yaml);
    Binder binder =
        new Binder(
            List.of(yaml),
            value ->
                value instanceof String text
                    ? placeholders.resolveRequiredPlaceholders(text)
                    : value);
    RoutingRulesFile file =
        binder.bindOrCreate(
            ConfigurationPropertyName.EMPTY, Bindable.of(RoutingRulesFile.class), collector);
    List<Problem> problems = new ArrayList<>(invalidKeys());
    problems.addAll(collector.problems());
    problems.addAll(collector.unknownKeys());
    validator.validate(file).stream()
        .map(RoutingRulesReader::problemOf)
        .filter(violation -> problems.stream().noneMatch(known -> isWithin(known, violation)))
        .sorted(Comparator.comparing(Problem::path))
        .distinct()
        .forEach(problems::add);
    problems.addAll(file.crossReferenceProblems());
    if (!problems.isEmpty()) {
      throw new InvalidRoutingRulesException(
          location, problems.stream().map(this::describe).distinct().toList());
    }
    return file.toRules(matcherFor);
  }

  /**
   * Keys with characters that Spring's relaxed binding drops, which would make {@code big deal} the
   * topic {@code bigdeal}, or turn a misspelled {@code source url prefix} into a condition.
   */
  private List<Problem> invalidKeys() {
    List<Problem> problems = new ArrayList<>();
    for (String name : document.getPropertyNames()) {
      String path = "";
      for (String key : name.split("\\.(?![^\\[]*])")) {
        if (!KEY.matcher(key).matches()) {
          problems.add(
              new Problem(
                  path + key.replaceFirst("\\[.*", ""),
                  "is not a valid key; expected letters, digits, '-' or '_'"));
          break;
        }
        path += key + ".";
      }
    }
    return problems.stream().distinct().toList();
  }

  /**
   * Whether a problem lies within the field a violation is about, which then needs no second
   * message: a rule whose only condition has a typo also has "no condition".
   */
  private static boolean isWithin(Problem problem, Problem violation) {
    String field = violation.path();
    return problem.path().equals(field)
        || problem.path().startsWith(field + ".")
        || problem.path().startsWith(field + "[");
  }

  /**
   * "rule 'api': then.priority 'HOT' is invalid; ...", naming a rule by its name when it has one.
   */
  private String describe(Problem problem) {
    Matcher rule = RULE_PATH.matcher(problem.path());
    if (!rule.matches()) {
      return (problem.path() + " " + problem.text()).strip();
    }
    ConfigurationProperty name =
        yaml.getConfigurationProperty(
            ConfigurationPropertyName.of("rules[" + rule.group(1) + "].name"));
    String where =
        name == null || String.valueOf(name.getValue()).isBlank()
            ? "rules[" + rule.group(1) + "]"
            : "rule '" + name.getValue() + "'";
    return where + ": " + (rule.group(2) == null ? "" : rule.group(2) + " ") + problem.text();
  }

  private static Problem problemOf(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.isInIterable()) {
        path.append(node.getKey() != null ? "." + node.getKey() : "[" + node.getIndex() + "]");
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        // The one key that is a Java keyword, bound with @Name.
        String key = node.getName().equals("defaults") ? "default" : node.getName();
        path.append(path.isEmpty() ? "" : ".").append(DataObjectPropertyName.toDashedForm(key));
      }
    }
    return new Problem(path.toString(), violation.getMessage());
  }
}
