package org.leadhandoff.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * How long a test waits for the condition it asserts, set once for the whole run. It is a ceiling
 * for a machine starved of CPU, not a rhythm: every wait ends as soon as its condition holds, so a
 * quiet machine never sits it out. Registered through META-INF/services.
 */
public class TestWaits implements LauncherSessionListener {

  public static final Duration CEILING = Duration.ofMinutes(2);

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Awaitility.setDefaultTimeout(CEILING);
  }
}
