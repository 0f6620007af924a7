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
  @Autowired UserStore users;
  @Autowired AuditLog audit;
  @Autowired org.leadhandoff.support.ProcessTestSupport process;
  @Autowired org.leadhandoff.support.LeadFixtures leads;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired org.leadhandoff.intake.csv.ImportProperties imports;

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  private static final String PASSWORD = "correct-horse-battery";

  MockMvc mvc;

  @BeforeEach
  void anonymousMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  private MockHttpSession signIn(String username) throws Exception {
    return signIn(username, TestIdentity.passwordOf(username));
  }

  private MockHttpSession signIn(String username, String password) throws Exception {
    return (MockHttpSession)
        mvc.perform(
                post("/login").param("username", username).param("password", password).with(csrf()))
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

  /** A user of this test alone: throttling and session state outlive a test. */
  private String newUser(String prefix, AppRole role) {
    String username = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    users.save(username, java.util.Set.of(role), PASSWORD);
    return username;
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor from(
      String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private String basicAdmin() {
    return TestIdentity.basic("admin");
  }

  @Test
  @DisplayName(
      "an open session ends on its next request when the admin demotes the user, changes the"
          + " password or disables the account (it kept its roles and could issue API keys)")
  void sessionsFollowTheAdmin() throws Exception {
    String demoted = newUser("demoted", AppRole.ADMIN);
    String renamed = newUser("new-password", AppRole.ADMIN);
    String disabled = newUser("disabled", AppRole.ADMIN);
    MockHttpSession demotedSession = signIn(demoted, PASSWORD);
    MockHttpSession renamedSession = signIn(renamed, PASSWORD);
    MockHttpSession disabledSession = signIn(disabled, PASSWORD);
    for (MockHttpSession session :
        java.util.List.of(demotedSession, renamedSession, disabledSession)) {
      mvc.perform(get("/api/admin/users").session(session)).andExpect(status().isOk());
    }

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/admin/users/" + demoted)
                .header("Authorization", basicAdmin())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"QUALIFIER\"],\"password\":\"" + PASSWORD + "\"}"))
        .andExpect(status().isOk());
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/admin/users/" + renamed)
                .header("Authorization", basicAdmin())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"ADMIN\"],\"password\":\"another-long-password\"}"))
        .andExpect(status().isOk());
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/admin/users/" + disabled)
                .header("Authorization", basicAdmin()))
        .andExpect(status().isNoContent());

    for (MockHttpSession session :
        java.util.List.of(demotedSession, renamedSession, disabledSession)) {
      mvc.perform(get("/api/admin/users").session(session)).andExpect(status().isUnauthorized());
      mvc.perform(
              post("/api/admin/api-keys")
                  .session(session)
                  .with(csrf())
                  .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                  .content("{\"name\":\"backdoor\",\"roles\":[\"ADMIN\"]}"))
          .andExpect(status().isUnauthorized());
    }
    // The demoted user signs in again and has the new role only.
    MockHttpSession again = signIn(demoted, PASSWORD);
    mvc.perform(get("/api/admin/users").session(again)).andExpect(status().isForbidden());
    mvc.perform(get("/api/me").session(again)).andExpect(jsonPath("$.roles[0]").value("QUALIFIER"));
    assertThat(audit.latest(100, null))
        .filteredOn(e -> e.action() == AuditLog.Action.SESSION_ENDED)
        .extracting(AuditLog.Entry::actor)
        .contains(demoted, renamed, disabled);
  }

  @Test
  @DisplayName(
      "five wrong passwords lock the account: the right one is then refused with 429 and"
          + " Retry-After, before any password check; other accounts sign in (40 guesses used to"
          + " pass, then the right password worked)")
  void guessingLocksTheAccount() throws Exception {
    String target = newUser("guessed", AppRole.QUALIFIER);
    String bystander = newUser("bystander", AppRole.QUALIFIER);
    for (int i = 0; i < 5; i++) {
      mvc.perform(get("/api/me").with(httpBasic(target, "guess-" + i)).with(from("198.51.100.7")))
          .andExpect(status().isUnauthorized());
    }

    mvc.perform(get("/api/me").with(httpBasic(target, PASSWORD)).with(from("198.51.100.8")))
        .andExpect(status().isTooManyRequests())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .exists("Retry-After"))
        .andExpect(jsonPath("$.title").value("Too many failed sign-ins"));
    mvc.perform(
            post("/login")
                .param("username", target)
                .param("password", PASSWORD)
                .with(csrf())
                .with(from("198.51.100.8")))
        .andExpect(status().isTooManyRequests());
    mvc.perform(get("/api/me").with(httpBasic(bystander, PASSWORD)).with(from("198.51.100.7")))
        .andExpect(status().isOk());

    var entries = audit.latest(200, null);
    assertThat(entries)
        .filteredOn(e -> e.action() == AuditLog.Action.SIGN_IN_FAILED && target.equals(e.actor()))
        .hasSize(5)
        .allSatisfy(e -> assertThat(e.source()).isEqualTo("198.51.100.7"));
    assertThat(entries)
        .filteredOn(e -> e.action() == AuditLog.Action.LOCKED_OUT && target.equals(e.actor()))
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "the sign-in page warns before the wrong password that locks the account, then says for how"
          + " long it is locked")
  void signInPageWarnsBeforeTheLock() throws Exception {
    String person = newUser("forgetful", AppRole.SALES_REP);
    java.util.List<String> pages = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      pages.add(
          mvc.perform(
                  post("/login")
                      .param("username", person)
                      .param("password", "guess-" + i)
                      .with(csrf())
                      .with(from("198.51.100.21")))
              .andExpect(status().isFound())
              .andReturn()
              .getResponse()
              .getRedirectedUrl());
    }
    assertThat(pages)
        .containsExactly(
            "/login?error",
            "/login?error",
            "/login?error&left=2&lockMinutes=15",
            "/login?error&left=1&lockMinutes=15",
            "/login?locked=15");
  }

  @Test
  @DisplayName(
      "a source address that keeps guessing is refused for every account, so its guesses cost no"
          + " bcrypt; other addresses are not held back")
  void guessingAddressIsRefused() throws Exception {
    String victim = newUser("sprayed", AppRole.SALES_REP);
    for (int i = 0; i < 30; i++) {
      mvc.perform(get("/api/me").with(httpBasic("nobody-" + i, "guess")).with(from("203.0.113.9")))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(get("/api/me").with(httpBasic(victim, PASSWORD)).with(from("203.0.113.9")))
        .andExpect(status().isTooManyRequests());
    mvc.perform(get("/api/me").with(httpBasic(victim, PASSWORD)).with(from("203.0.113.10")))
        .andExpect(status().isOk());
  }

  @Test
  @DisplayName(
      "admins read the audit trail of sign-ins, user changes, keys and erasures; nobody else does")
  void auditTrailForAdmins() throws Exception {
    String person = newUser("audited", AppRole.MARKETING);
    signIn(person, PASSWORD);
    mvc.perform(
            post("/api/admin/api-keys")
                .header("Authorization", basicAdmin())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"name\":\"audited form\",\"roles\":[\"INTAKE\"]}"))
        .andExpect(status().isCreated());

    mvc.perform(get("/api/admin/audit?limit=50").header("Authorization", basicAdmin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.action == 'SIGN_IN' && @.actor == '" + person + "')]").exists())
        .andExpect(
            jsonPath("$[?(@.action == 'API_KEY_ISSUED' && @.actor == 'admin')].detail")
                .value(org.hamcrest.Matchers.hasItem("'audited form' with roles INTAKE")));
    mvc.perform(get("/api/admin/audit").with(httpBasic(person, PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/admin/audit?limit=0").header("Authorization", basicAdmin()))
        .andExpect(status().isBadRequest());
  }

  private String openOwner(java.util.UUID leadId, String role) {
    return org.awaitility.Awaitility.await()
        .until(
            () ->
                jdbc.sql(
                        "select rep_id from assignment where lead_id = ? and role = ?"
                            + " and state = 'OPEN'")
                    .params(leadId, role)
                    .query(String.class)
                    .optional()
                    .orElse(null),
            java.util.Objects::nonNull);
  }

  private org.springframework.test.web.servlet.ResultActions read(String path, String user)
      throws Exception {
    return mvc.perform(get(path).header("Authorization", TestIdentity.basic(user)));
  }

  @Test
  @DisplayName(
      "reps and qualifiers read the leads of their queues only: another rep's lead, its routing"
          + " and the whole list are refused (a rep read every lead's email and phone)")
  void leadsOfTheirQueueOnly() throws Exception {
    java.util.UUID leadId = process.hotLeadInQualification(leads);
    String qualifier = openOwner(leadId, "QUALIFIER");
    org.awaitility.Awaitility.await()
        .until(
            () ->
                jdbc.sql("select count(*) from user_task where lead_id = ? and state = 'OPEN'")
                        .param(leadId)
                        .query(Long.class)
                        .single()
                    > 0);
    String lead = "/api/leads/" + leadId;

    // In qualification: the qualifiers' queue reads it, no rep does.
    read(lead, qualifier).andExpect(status().isOk()).andExpect(jsonPath("$.phone").exists());
    read(lead, "quinn".equals(qualifier) ? "riley" : "quinn").andExpect(status().isOk());
    for (String rep : java.util.List.of("sam", "alex")) {
      read(lead, rep).andExpect(status().isForbidden());
      read(lead + "/routing", rep).andExpect(status().isForbidden());
      read("/api/leads?limit=500", rep).andExpect(status().isForbidden());
    }
    read("/api/leads?limit=500", "quinn").andExpect(status().isForbidden());
    read("/api/leads?limit=500", "manager").andExpect(status().isOk());
    read(lead, "manager").andExpect(status().isOk());
    read(lead, "marketing").andExpect(status().isOk());

    // Handed to sales: its rep reads it, the other rep and the qualifiers no longer.
    long task =
        jdbc.sql("select job_key from user_task where lead_id = ? and state = 'OPEN'")
            .param(leadId)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/api/tasks/" + task + "/complete")
                .header("Authorization", TestIdentity.basic(qualifier))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"qualificationOutcome\":\"QUALIFIED\",\"budgetConfirmed\":true}"))
        .andExpect(status().isOk());
    String rep = openOwner(leadId, "SALES_REP");
    read(lead, rep).andExpect(status().isOk());
    read(lead + "/routing", rep).andExpect(status().isOk());
    read(lead, "sam".equals(rep) ? "alex" : "sam").andExpect(status().isForbidden());
    org.awaitility.Awaitility.await()
        .untilAsserted(() -> read(lead, qualifier).andExpect(status().isForbidden()));
  }

  /** A body sent as a stream: chunked, with no Content-Length to refuse it by up front. */
  private java.net.http.HttpResponse<String> chunked(String path, String type, byte[] body)
      throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestIdentity.basic("marketing"))
                .header("Content-Type", type)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private long partialFiles() throws java.io.IOException {
    if (!java.nio.file.Files.isDirectory(imports.directory())) {
      return 0;
    }
    try (var files = java.nio.file.Files.list(imports.directory())) {
      return files.filter(f -> f.toString().endsWith(".part")).count();
    }
  }

  @Test
  @DisplayName(
      "a chunked CSV over the limit gets 413 and leaves no partial file; a chunked JSON body over"
          + " 64 KB gets 413 (they got 500 and 400, and a 52 MB .csv.part stayed)")
  void chunkedBodiesOverTheLimit() throws Exception {
    long before = partialFiles();
    long importsBefore = jdbc.sql("select count(*) from lead_import").query(Long.class).single();
    StringBuilder csv = new StringBuilder("email,company\n");
    for (int i = 0; csv.length() < 600 * 1024; i++) {
      csv.append("chunked").append(i).append("@big.example,Big Co ").append(i).append('\n');
    }

    var upload =
        chunked(
            "/api/leads/import?source=trade-show",
            "text/csv",
            csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(upload.statusCode()).isEqualTo(413);
    assertThat(upload.body()).contains("larger than the limit");
    assertThat(partialFiles()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from lead_import").query(Long.class).single())
        .isEqualTo(importsBefore);

    String json = "{\"email\":\"big@json.example\",\"company\":\"" + "x".repeat(70_000) + "\"}";
    var lead =
        chunked(
            "/api/leads",
            "application/json",
            json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(lead.statusCode()).isEqualTo(413);
    assertThat(lead.body()).contains("limit");
  }

  private org.springframework.test.web.servlet.ResultActions capture(
      String user, String key, String json) throws Exception {
    return mvc.perform(
        post("/api/leads")
            .header("Authorization", TestIdentity.basic(user))
            .header("Idempotency-Key", key)
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  @DisplayName(
      "an idempotency key is the caller's own: another caller's same key makes their own lead,"
          + " not a replay of the first caller's answer")
  void idempotencyKeyPerCaller() throws Exception {
    String key = "form-submission-" + java.util.UUID.randomUUID();
    String body = "{\"email\":\"" + LeadFixturesEmail.next() + "\"}";
    String first =
        capture("marketing", key, body)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String other =
        capture("admin", key, "{\"email\":\"" + LeadFixturesEmail.next() + "\"}")
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(other).isNotEqualTo(first);
    // The first caller's retry still gets its own first answer.
    assertThat(
            capture("marketing", key, body)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .isEqualTo(first);
  }

  /** Unique emails for the capture tests. */
  private static final class LeadFixturesEmail {
    static String next() {
      return org.leadhandoff.support.LeadFixtures.unique("idem", "caller.example");
    }
  }

  @Test
  @DisplayName(
      "an unknown webhook provider gets the answer of a wrong signature (the 404 named the"
          + " providers that exist)")
  void webhookProvidersAreNotEnumerable() throws Exception {
    mvc.perform(
            post("/api/webhooks/no-such-provider")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.title").value("Webhook not verified"))
        .andExpect(
            jsonPath("$.detail").value("The signature does not match the body and timestamp."));
  }

  @Test
  @DisplayName(
      "names with accents and the zero-width non-joiner of Persian spelling are taken as typed")
  void realNamesAreAccepted() throws Exception {
    mvc.perform(
            post("/api/leads")
                .header("Authorization", TestIdentity.basic("marketing"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\""
                        + LeadFixturesEmail.next()
                        + "\",\"firstName\":\"Mehr\u200Cdad\",\"lastName\":\"Müller-Søren\","
                        + "\"company\":\"Léa & Fils\"}"))
        .andExpect(status().isAccepted());
  }
}
