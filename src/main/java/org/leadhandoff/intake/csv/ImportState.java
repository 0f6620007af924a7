package org.leadhandoff.intake.csv;

/** Where an import is: waiting, reading rows, done, or stopped by a problem with the whole file. */
public enum ImportState {
  QUEUED,
  RUNNING,
  DONE,
  FAILED
}
