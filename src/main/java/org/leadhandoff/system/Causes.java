package org.leadhandoff.system;

import java.util.function.Predicate;

/** Looks through a failure and the causes it wraps, as clients and drivers nest them. */
public final class Causes {

  private Causes() {}

  /** Whether the failure or any cause it wraps matches (cycles in the chain end the walk). */
  public static boolean any(Throwable failure, Predicate<Throwable> test) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }
}
