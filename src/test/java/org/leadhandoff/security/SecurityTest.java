package org.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sign-in and roles through the real filter chain: API keys, users (HTTP Basic and the sign-in
 * form), access tokens, CSRF and rate limits. No default identity here.
 */
@EmbeddedEngineTest
class SecurityTest {

  static final String PASSWORD = org.leadhandoff.support.TestIdentity.PASSWORD;
  static final String DEMO = org.leadhandoff.support.TestIdentity.DEMO_PASSWORD;

  @Autowired WebApplicationContext context;
  @Autowired ApiKeys keys;
  @Autowired ObjectMapper json;

  MockMvc mvc;

  @BeforeEach
  void anonymousMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  private static MockHttpServletRequestBuilder lead(String email) {
    return post("/api/leads")
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"email\":\"" + email + "\",\"company\":\"BigCo\"}");
  }

  @Test
  @DisplayName("without credentials: health is open (no details), the API 401, pages go to sign-in")
  void closedByDefault() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").exists())
        .andExpect(jsonPath("$.components").doesNotExist());
    mvc.perform(lead(LeadFixtures.unique("anon", "bigco.example")))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.title").value("Sign-in required"));
    for (String path :
        List.of(
            "/api/tasks",
            "/api/reports/funnel",
            "/api/reps",
            "/actuator/prometheus",
            "/api/admin/users")) {
      mvc.perform(get(path)).andExpect(status().isUnauthorized());
    }
    mvc.perform(get("/inbox/"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/v3/api-docs")).andExpect(status().isFound());
    // The icon shows on the sign-in page too.
    mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
    mvc.perform(get("/favicon.ico")).andExpect(redirectedUrl("/favicon.svg"));
    mvc.perform(get("/imports/"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrlPattern("**/login"));
    // The product's own sign-in page.
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl(
                "/signin.html"));
  }

  @Test
  @DisplayName("an intake key captures leads but reads no reports (403); a wrong key is 401")
  void apiKeyRoles() throws Exception {
    String key = keys.issue("web form", EnumSet.of(AppRole.INTAKE), null).key();
    assertThat(key).startsWith("lh_");

    mvc.perform(lead(LeadFixtures.unique("keyed", "bigco.example")).header("X-API-Key", key))
        .andExpect(status().isAccepted());
    mvc.perform(get("/api/reports/funnel").header("X-API-Key", key))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("Not allowed"))
        .andExpect(jsonPath("$.detail").value("Your role does not allow GET /api/reports/funnel."));
    mvc.perform(get("/api/tasks").header("X-API-Key", key)).andExpect(status().isForbidden());
    mvc.perform(
            lead(LeadFixtures.unique("keyed", "bigco.example"))
                .header("X-API-Key", key.substring(0, key.length() - 2) + "xx"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.title").value("Unknown API key"));
    // A key overrules a session: a valid sign-in does not rescue a bad key.
    mvc.perform(
            lead(LeadFixtures.unique("keyed", "bigco.example"))
                .header("X-API-Key", "lh_nope_nope")
                .with(httpBasic("admin", PASSWORD)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  @DisplayName("a rotated key is refused at once and its successor works; a revoked key is refused")
  void rotationAndRevocation() throws Exception {
    ApiKeys.Issued first = keys.issue("marketing tool", EnumSet.of(AppRole.INTAKE), null);
    mvc.perform(lead(LeadFixtures.unique("rot", "bigco.example")).header("X-API-Key", first.key()))
        .andExpect(status().isAccepted());

    JsonNode rotated =
        json.readTree(
            mvc.perform(
                    post("/api/admin/api-keys/" + first.info().id() + "/rotate")
                        .with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    String second = rotated.get("key").asText();
    assertThat(rotated.path("info").path("name").asText()).isEqualTo("marketing tool");

    mvc.perform(lead(LeadFixtures.unique("rot", "bigco.example")).header("X-API-Key", first.key()))
        .andExpect(status().isUnauthorized());
    mvc.perform(lead(LeadFixtures.unique("rot", "bigco.example")).header("X-API-Key", second))
        .andExpect(status().isAccepted());
    assertThat(keys.find(first.info().id()).orElseThrow().replacedBy())
        .isEqualTo(
            rotated.path("info").path("id").asText().isEmpty()
                ? null
                : java.util.UUID.fromString(rotated.path("info").path("id").asText()));

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/admin/api-keys/" + rotated.path("info").path("id").asText())
                .with(httpBasic("admin", PASSWORD)))
        .andExpect(status().isNoContent());
    mvc.perform(lead(LeadFixtures.unique("rot", "bigco.example")).header("X-API-Key", second))
        .andExpect(status().isUnauthorized());
    // The list never shows a secret, and the store never held one.
    String list =
        mvc.perform(get("/api/admin/api-keys").with(httpBasic("admin", PASSWORD)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).doesNotContain(first.key()).doesNotContain(second);
    assertThat(ApiKeys.hash(second)).hasSize(64).isNotEqualTo(second);
  }

  @Test
  @DisplayName(
      "people: a qualifier gets tasks but no reports (403), marketing the reports; a wrong password 401")
  void userRoles() throws Exception {
    mvc.perform(get("/api/tasks").with(httpBasic("riley", DEMO))).andExpect(status().isOk());
    mvc.perform(get("/api/reports/funnel").with(httpBasic("riley", DEMO)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/reports/funnel").with(httpBasic("marketing", DEMO)))
        .andExpect(status().isOk());
    mvc.perform(get("/api/tasks").with(httpBasic("marketing", DEMO)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/admin/users").with(httpBasic("manager", DEMO)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/tasks").with(httpBasic("riley", "not-the-password")))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/me").with(httpBasic("sam", DEMO)))
        .andExpect(jsonPath("$.username").value("sam"))
        .andExpect(jsonPath("$.roles[0]").value("SALES_REP"));
    // The import page and its API are marketing's (and the admin's), not the sales floor's.
    mvc.perform(get("/imports/").with(httpBasic("marketing", DEMO))).andExpect(status().isOk());
    mvc.perform(get("/api/imports").with(httpBasic("marketing", DEMO))).andExpect(status().isOk());
    for (String user : List.of("riley", "sam", "manager")) {
      mvc.perform(get("/imports/").with(httpBasic(user, DEMO))).andExpect(status().isForbidden());
      mvc.perform(get("/api/imports").with(httpBasic(user, DEMO)))
          .andExpect(status().isForbidden());
      mvc.perform(
              multipart("/api/imports/preview")
                  .file("file", "email\na@b.example\n".getBytes())
                  .with(httpBasic(user, DEMO)))
          .andExpect(status().isForbidden());
    }
    // A person opening a page of another role gets a page saying so.
    mvc.perform(get("/imports/").accept("text/html").with(httpBasic("riley", DEMO)))
        .andExpect(status().isForbidden())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl(
                "/denied.html"));
    // Nothing under /api that this application does not name is open to anyone.
    mvc.perform(get("/api/nothing-here").with(httpBasic("admin", PASSWORD)))
        .andExpect(status().isForbidden());
  }

  @Test
  @DisplayName("the sign-in form opens a session; a page's POST without the CSRF token is refused")
  void formLoginAndCsrf() throws Exception {
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(
                    post("/login").param("username", "riley").param("password", DEMO).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(get("/api/me").session(session))
        .andExpect(jsonPath("$.username").value("riley"))
        .andExpect(jsonPath("$.name").value("Riley Chen"));
    mvc.perform(post("/api/tasks/1/claim").session(session)).andExpect(status().isForbidden());
    mvc.perform(post("/api/tasks/1/claim").session(session).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/login").param("username", "riley").param("password", "wrong").with(csrf()))
        .andExpect(redirectedUrl("/login?error"));
    // After sign-in, "/" opens the page of the person's work.
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/inbox/"));
    MockHttpSession marketing =
        (MockHttpSession)
            mvc.perform(
                    post("/login")
                        .param("username", "marketing")
                        .param("password", DEMO)
                        .with(csrf()))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(get("/").session(marketing)).andExpect(redirectedUrl("/dashboard/"));
    mvc.perform(get("/inbox/").session(marketing)).andExpect(status().isForbidden());

    // A page asked for while signed out opens after sign-in if the person may open it, else
    // their own start page does, not a refusal.
    for (String who : List.of("marketing", "riley")) {
      MockHttpSession asked =
          (MockHttpSession)
              mvc.perform(get("/inbox/").accept("text/html"))
                  .andExpect(status().isFound())
                  .andReturn()
                  .getRequest()
                  .getSession();
      String landing =
          mvc.perform(
                  post("/login")
                      .session(asked)
                      .param("username", who)
                      .param("password", DEMO)
                      .with(csrf()))
              .andExpect(status().isFound())
              .andReturn()
              .getResponse()
              .getRedirectedUrl();
      assertThat(landing)
          .as(who + " after asking for the inbox")
          .isEqualTo("marketing".equals(who) ? "/" : "http://localhost/inbox/");
    }
  }

  @Test
  @DisplayName(
      "an access token of the identity provider signs in with its roles; an expired one is 401")
  void accessTokens() throws Exception {
    String token =
        TestIdentityProvider.token(
            "riley", List.of("QUALIFIER", "unknown-role"), Duration.ofMinutes(5));
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("riley"))
        .andExpect(jsonPath("$.roles.length()").value(1));
    mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    mvc.perform(get("/api/reports/funnel").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
    String expired =
        TestIdentityProvider.token("riley", List.of("QUALIFIER"), Duration.ofMinutes(-5));
    mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + expired))
        .andExpect(status().isUnauthorized());
  }

  @Test
  @DisplayName("a key over its rate gets 429 with Retry-After; other keys are not held back")
  void rateLimit() throws Exception {
    String slow = keys.issue("slow partner", EnumSet.of(AppRole.INTAKE), 2).key();
    String other = keys.issue("other partner", EnumSet.of(AppRole.INTAKE), null).key();
    for (int i = 0; i < 2; i++) {
      mvc.perform(lead(LeadFixtures.unique("rate", "bigco.example")).header("X-API-Key", slow))
          .andExpect(status().isAccepted());
    }
    String retryAfter =
        mvc.perform(lead(LeadFixtures.unique("rate", "bigco.example")).header("X-API-Key", slow))
            .andExpect(status().isTooManyRequests())
            .andExpect(jsonPath("$.title").value("Too many requests"))
            .andReturn()
            .getResponse()
            .getHeader("Retry-After");
    // Two a minute: the next token comes in at most 30 s.
    assertThat(Integer.parseInt(retryAfter)).isBetween(1, 30);
    mvc.perform(lead(LeadFixtures.unique("rate", "bigco.example")).header("X-API-Key", other))
        .andExpect(status().isAccepted());
  }
}
