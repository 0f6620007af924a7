package org.leadhandoff.tasks;

/**
 * OPEN: waiting for a person. COMPLETED: done in this inbox. GONE: completed in Tasklist or
 * cancelled by the process (a timer, a disqualification) while the inbox was not looking.
 */
public enum TaskState {
  OPEN,
  COMPLETED,
  GONE
}
