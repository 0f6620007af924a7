package org.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.TestIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The attack cases of the security review, each as it was run against the application: every one of
 * these failed before its fix. No default identity: each request is what an attacker or a user
 * would send.
 */
@EmbeddedEngineTest
class AttackTest {

  @Autowired WebApplicationContext context;

  MockMvc mvc;

  @BeforeEach
  void anonymousMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  private MockHttpSession signIn(String username) throws Exception {
    return (MockHttpSession)
        mvc.perform(
                post("/login")
                    .param("username", username)
                    .param("password", TestIdentity.passwordOf(username))
                    .with(csrf()))
            .andExpect(status().isFound())
            .andReturn()
            .getRequest()
            .getSession();
  }

  @Test
  @DisplayName(
      "a change without the CSRF token is refused as a CSRF refusal, not as a role refusal; a"
          + " wrong token likewise, and the session stays")
  void csrfRefusalSaysSo() throws Exception {
    MockHttpSession session = signIn("quinn");

    mvc.perform(post("/logout").session(session))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("CSRF token missing or wrong"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.startsWith("POST /logout needs the CSRF token")));
    mvc.perform(post("/api/tasks/1/claim").session(session).header("X-XSRF-TOKEN", "forged"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("CSRF token missing or wrong"));
    mvc.perform(get("/api/me").session(session)).andExpect(status().isOk());
  }

  @Test
  @DisplayName(
      "a demo user's password does not sign in as admin (all demo users had the admin's"
          + " password)")
  void demoUsersDoNotShareTheAdminsPassword() throws Exception {
    assertThat(TestIdentity.passwordOf("quinn")).isNotEqualTo(TestIdentity.passwordOf("admin"));
    mvc.perform(get("/api/admin/users").with(httpBasic("admin", TestIdentity.passwordOf("quinn"))))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/me").with(httpBasic("quinn", TestIdentity.passwordOf("quinn"))))
        .andExpect(status().isOk());
  }
}
