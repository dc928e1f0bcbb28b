package com.leadprocessor.worker;

import com.leadprocessor.workflow.LeadSearchAttributes;
import io.temporal.common.SearchAttributeKey;
import java.util.List;
import java.util.stream.Collectors;

/** The namespace lacks a search attribute the workflow writes, or has it with another type. */
class UnservableNamespaceException extends IllegalStateException {

  private final String namespace;
  private final List<SearchAttributeKey<?>> missing;
  private final List<String> wrongType;

  UnservableNamespaceException(
      String namespace, List<SearchAttributeKey<?>> missing, List<String> wrongType) {
    super(describe(namespace, missing, wrongType));
    this.namespace = namespace;
    this.missing = List.copyOf(missing);
    this.wrongType = List.copyOf(wrongType);
  }

  /** The commands that add the missing attributes, one a line. */
  String commands() {
    return missing.stream()
        .map(
            key ->
                "temporal operator search-attribute create --namespace "
                    + namespace
                    + " --name "
                    + key.getName()
                    + " --type "
                    + LeadSearchAttributes.typeName(key.getValueType()))
        .collect(Collectors.joining("\n"));
  }

  List<SearchAttributeKey<?>> missing() {
    return missing;
  }

  List<String> wrongType() {
    return wrongType;
  }

  private static String describe(
      String namespace, List<SearchAttributeKey<?>> missing, List<String> wrongType) {
    StringBuilder text =
        new StringBuilder("The worker cannot serve Temporal namespace '" + namespace + "':");
    if (!missing.isEmpty()) {
      text.append(" missing search attribute(s) ")
          .append(
              missing.stream()
                  .map(
                      key ->
                          key.getName()
                              + " ("
                              + LeadSearchAttributes.typeName(key.getValueType())
                              + ")")
                  .collect(Collectors.joining(", ")))
          .append(';');
    }
    if (!wrongType.isEmpty()) {
      text.append(" search attribute(s) of the wrong type: ")
          .append(String.join(", ", wrongType))
          .append(';');
    }
    return text.append(" the worker does not poll until this is fixed.").toString();
  }
}
