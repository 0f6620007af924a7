package org.leadhandoff.intake.csv;

/**
 * Where an import is: waiting, reading rows, done, stopped by a problem with the whole file, or
 * cancelled by a person (the rows imported before stay).
 */
public enum ImportState {
  QUEUED,
  RUNNING,
  DONE,
  FAILED,
  CANCELLED;

  /** Whether the import will still read its file. */
  boolean isOpen() {
    return this == QUEUED || this == RUNNING;
  }
}
