package org.leadhandoff.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.leadhandoff.security.AppRole;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * MockMvc requests act as a signed-in admin with a CSRF token unless a test says who it is: tests
 * of a capability are not about sign-in. Sign-in, roles and keys themselves are tested without this
 * default (SecurityTest).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestIdentity {

  public static final String USER = "test-admin";

  /** The admin's first password in application-test.yaml. */
  public static final String PASSWORD = "test-admin-password";

  /** The demo users' password in application-test.yaml: not the admin's. */
  public static final String DEMO_PASSWORD = "test-demo-password";

  public static String passwordOf(String username) {
    return "admin".equals(username) ? PASSWORD : DEMO_PASSWORD;
  }

  /** An HTTP Basic header for a first user, for tests that call the application over HTTP. */
  public static String basic(String username) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (username + ":" + passwordOf(username))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Bean
  MockMvcBuilderCustomizer signedInAsAdmin() {
    return builder ->
        builder.defaultRequest(get("/").with(user(USER).roles(AppRole.ADMIN.name())).with(csrf()));
  }
}
