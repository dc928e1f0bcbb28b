package com.leadprocessor.connector.routing;

import com.leadprocessor.connector.routing.RoutingRulesFile.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.convert.ConverterNotFoundException;
import org.springframework.util.PlaceholderResolutionException;

/**
 * Lets the {@code Binder} read a routing rules file to its end: each value it cannot bind becomes a
 * {@link Problem} instead of stopping the binding, and each name it asks for is noted, so that the
 * names in the file it never asked for are the unknown keys. Spring's {@code
 * NoUnboundElementsBindHandler} finds those too, but by throwing at the end, which would drop the
 * bound file and with it every other problem.
 */
final class CollectingBindHandler extends AbstractBindHandler {

  private final IterableConfigurationPropertySource yaml;
  private final Set<ConfigurationPropertyName> asked = new LinkedHashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  CollectingBindHandler(IterableConfigurationPropertySource yaml) {
    this.yaml = yaml;
  }

  /** The values that could not be bound, and lists that could not be read to their end. */
  List<Problem> problems() {
    return problems;
  }

  @Override
  public <T> Bindable<T> onStart(
      ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
    asked.add(name);
    return target;
  }

  @Override
  public Object onFailure(
      ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error) {
    if (error instanceof UnboundConfigurationPropertiesException unbound) {
      listStopped(name, target, unbound);
      return null;
    }
    ConfigurationProperty property = yaml.getConfigurationProperty(name);
    Object value = property == null ? null : property.getValue();
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(error);
    if (cause instanceof ConverterNotFoundException && "".equals(value)) {
      return null; // "key:" with nothing after it: the same as leaving the key out.
    }
    problems.add(new Problem(name.toString(), failure(target, value, cause)));
    // A string stands in for itself, so that a list of them is read on past this one.
    return String.class.equals(target.getType().resolve()) ? value : null;
  }

  private static String failure(Bindable<?> target, Object value, Throwable cause) {
    Class<?> type = target.getType().resolve(Object.class);
    if (cause instanceof PlaceholderResolutionException) {
      return "has a placeholder that cannot be resolved (%s); expected a value, or a placeholder"
              .formatted(cause.getMessage())
          + " with a default such as ${NAME:}";
    }
    if (cause instanceof PatternSyntaxException invalid) {
      return "'%s' is not a valid regular expression (%s near index %d)"
          .formatted(value, invalid.getDescription(), invalid.getIndex());
    }
    if (type.isEnum()) {
      return "'%s' is invalid; expected one of %s"
          .formatted(value, Arrays.toString(type.getEnumConstants()));
    }
    if (cause instanceof ConverterNotFoundException) {
      return "'%s' is invalid; expected a mapping of keys, not a single value".formatted(value);
    }
    return "'%s' is invalid: %s".formatted(value, cause.getMessage());
  }

  /**
   * The binder reads a list up to its first entry that yields nothing, such as a rule with none of
   * the keys of a rule, and refuses the entries after it.
   */
  private void listStopped(
      ConfigurationPropertyName list,
      Bindable<?> target,
      UnboundConfigurationPropertiesException unbound) {
    ConfigurationPropertyName entry =
        Collections.min(unbound.getUnboundProperties())
            .getName()
            .chop(list.getNumberOfElements() + 1);
    Class<?> entryType = target.getType().asCollection().resolveGeneric(0);
    String text =
        (entryType != null && entryType.isRecord()
                ? "has none of the keys " + keysAskedUnder(entry)
                : "is not a single value")
            + "; it and the entries after it were not read";
    unbound.getUnboundProperties().forEach(property -> asked.add(property.getName()));
    if (problems.stream().noneMatch(problem -> problem.path().equals(entry.toString()))) {
      problems.add(new Problem(entry.toString(), text));
    }
  }

  /** Each key in the file that the binder never asked for, with the keys expected there. */
  List<Problem> unknownKeys() {
    return yaml.stream()
        .filter(name -> !asked.contains(name))
        .map(this::outermostUnknown)
        .distinct()
        .map(
            name ->
                new Problem(name.toString(), "is not a known key; " + expectedAt(name.getParent())))
        .toList();
  }

  private ConfigurationPropertyName outermostUnknown(ConfigurationPropertyName name) {
    while (!asked.contains(name.getParent())) {
      name = name.getParent();
    }
    return name;
  }

  private String expectedAt(ConfigurationPropertyName parent) {
    boolean isList =
        asked.stream()
            .anyMatch(name -> parent.equals(name.getParent()) && name.isLastElementIndexed());
    return isList
        ? "expected a list, each entry starting with '- '"
        : "expected one of " + keysAskedUnder(parent);
  }

  private List<String> keysAskedUnder(ConfigurationPropertyName parent) {
    return asked.stream()
        .filter(name -> !name.isEmpty() && parent.equals(name.getParent()))
        .map(name -> name.getLastElement(ConfigurationPropertyName.Form.DASHED))
        .distinct()
        .toList();
  }
}
