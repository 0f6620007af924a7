package org.leadhandoff.tasks;

/** A task id the inbox does not know. */
public class TaskNotFoundException extends RuntimeException {

  public TaskNotFoundException(long id) {
    super("Task " + id + " is not in the inbox.");
  }
}
