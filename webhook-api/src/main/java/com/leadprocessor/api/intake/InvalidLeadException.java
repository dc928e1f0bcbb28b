package com.leadprocessor.api.intake;

import java.util.List;

/** The body is a JSON object but not a valid lead event; every problem is listed. */
public class InvalidLeadException extends RuntimeException {

  private final List<FieldProblem> problems;

  InvalidLeadException(List<FieldProblem> problems) {
    super(
        problems.size() == 1
            ? "1 field is missing or invalid: " + problems.get(0).field() + "."
            : problems.size()
                + " fields are missing or invalid: "
                + String.join(", ", problems.stream().map(FieldProblem::field).toList())
                + ".");
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
