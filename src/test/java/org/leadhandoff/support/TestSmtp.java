package org.leadhandoff.support;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The SMTP port of this test run: a free one, picked once per JVM before any test class loads, so
 * that no other process on the machine holding a fixed port (GreenMail's 3025 was taken once in a
 * CI run) can break the mail tests. The test profile points the application's mail at it ({@code
 * spring.mail.port}); mail tests start GreenMail on it. Registered through META-INF/services.
 */
public class TestSmtp implements LauncherSessionListener {

  static final String PORT_PROPERTY = "lead-handoff.test.smtp-port";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty(PORT_PROPERTY) == null) {
      System.setProperty(PORT_PROPERTY, Integer.toString(freePort()));
    }
  }

  public static int port() {
    String port = System.getProperty(PORT_PROPERTY);
    if (port == null) {
      // Run outside the JUnit launcher (an IDE's own runner): pick one now.
      port = Integer.toString(freePort());
      System.setProperty(PORT_PROPERTY, port);
    }
    return Integer.parseInt(port);
  }

  /** GreenMail on this run's port, with a start-up wait that suits a busy machine. */
  public static ServerSetup setup() {
    ServerSetup setup = new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(15_000);
    return setup;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the test SMTP server", e);
    }
  }
}
