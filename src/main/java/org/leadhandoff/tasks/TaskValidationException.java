package org.leadhandoff.tasks;

import java.util.List;
import java.util.stream.Collectors;

/** A completion refused because the form's fields or its rules are not satisfied. */
public class TaskValidationException extends RuntimeException {

  private final List<FormValidator.Problem> problems;

  public TaskValidationException(List<FormValidator.Problem> problems) {
    super(
        problems.stream().map(FormValidator.Problem::message).collect(Collectors.joining("; "))
            + ". The task stays open.");
    this.problems = List.copyOf(problems);
  }

  public List<FormValidator.Problem> problems() {
    return problems;
  }
}
