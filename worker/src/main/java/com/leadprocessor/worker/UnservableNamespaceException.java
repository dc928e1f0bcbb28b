package com.leadprocessor.worker;

import java.util.List;
import java.util.stream.Collectors;

/** The namespace lacks a search attribute the workflow writes, or has it with another type. */
class UnservableNamespaceException extends IllegalStateException {

  private final String namespace;
  private final List<String> missing;
  private final List<String> wrongType;

  UnservableNamespaceException(String namespace, List<String> missing, List<String> wrongType) {
    super(describe(namespace, missing, wrongType));
    this.namespace = namespace;
    this.missing = List.copyOf(missing);
    this.wrongType = List.copyOf(wrongType);
  }

  /** The commands that add the missing attributes, one a line. */
  String commands() {
    return missing.stream()
        .map(
            name ->
                "temporal operator search-attribute create --namespace "
                    + namespace
                    + " --name "
                    + name
                    + " --type Keyword")
        .collect(Collectors.joining("\n"));
  }

  List<String> missing() {
    return missing;
  }

  List<String> wrongType() {
    return wrongType;
  }

  private static String describe(String namespace, List<String> missing, List<String> wrongType) {
    StringBuilder text =
        new StringBuilder("The worker cannot serve Temporal namespace '" + namespace + "':");
    if (!missing.isEmpty()) {
      text.append(" missing search attribute(s) ").append(String.join(", ", missing)).append(';');
    }
    if (!wrongType.isEmpty()) {
      text.append(" search attribute(s) of the wrong type: ")
          .append(String.join(", ", wrongType))
          .append(" (expected Keyword);");
    }
    return text.append(" the worker does not poll until this is fixed.").toString();
  }
}
