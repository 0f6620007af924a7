package org.leadhandoff.tasks;

/** The task cannot be acted on now: claimed by someone else, or no longer open. */
public class TaskConflictException extends RuntimeException {

  public TaskConflictException(String message) {
    super(message);
  }
}
