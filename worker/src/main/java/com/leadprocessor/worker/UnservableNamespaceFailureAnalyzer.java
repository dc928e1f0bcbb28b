package com.leadprocessor.worker;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a namespace the worker cannot serve into a start-up report that says how to fix it. */
class UnservableNamespaceFailureAnalyzer
    extends AbstractFailureAnalyzer<UnservableNamespaceException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnservableNamespaceException cause) {
    StringBuilder action = new StringBuilder();
    if (!cause.missing().isEmpty()) {
      action
          .append("Add the missing attributes to the namespace:\n")
          .append(cause.commands())
          .append(
              "\nor, on a local server only, start the worker with"
                  + " LEADS_REGISTER_SEARCH_ATTRIBUTES=true to add them itself.");
    }
    if (!cause.wrongType().isEmpty()) {
      if (action.length() > 0) {
        action.append('\n');
      }
      action.append(
          "An attribute of another type cannot be changed in place: remove it with `temporal"
              + " operator search-attribute remove` and create it with the type named above, or use another"
              + " namespace.");
    }
    return new FailureAnalysis(cause.getMessage(), action.toString(), cause);
  }
}
