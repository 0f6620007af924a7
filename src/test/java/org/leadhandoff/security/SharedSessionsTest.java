package org.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.support.OwnEngine;
import org.leadhandoff.support.TestIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A signed-in session is a row of the lead store, not a map in one instance's memory: a request of
 * the same browser reaching any instance finds it, and a sign-out ends it everywhere. Sent as a
 * browser sends it, over HTTP with cookies.
 */
// An application of its own: MockMvc's csrf() in the shared test context swaps the real CSRF
// token repository for a session-based test one, which a request over HTTP would then meet.
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:shared-sessions-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@OwnEngine
class SharedSessionsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName(
      "a sign-in is kept in the store: the session cookie alone works from another client, a"
          + " session removed from the store is signed out at once, and a sign-out removes it")
  void sessionsLiveInTheStore() throws Exception {
    Browser browser = new Browser();
    assertThat(browser.signIn("riley", TestIdentity.passwordOf("riley"))).isEqualTo(302);
    assertThat(browser.get("/api/me").body()).contains("\"username\":\"riley\"");
    assertThat(sessionsOf("riley")).isEqualTo(1);

    // Another client (as another instance would be reached) with nothing but the session cookie.
    String session = browser.cookie("SESSION").orElseThrow();
    Browser elsewhere = new Browser();
    elsewhere.setCookie("SESSION", session);
    assertThat(elsewhere.get("/api/me").statusCode()).isEqualTo(200);

    // The store decides: with the row gone, the same cookie is signed out.
    jdbc.sql("delete from spring_session where principal_name = 'riley'").update();
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);

    assertThat(browser.signIn("riley", TestIdentity.passwordOf("riley"))).isEqualTo(302);
    assertThat(sessionsOf("riley")).isEqualTo(1);
    assertThat(browser.signOut()).isEqualTo(302);
    assertThat(sessionsOf("riley")).isZero();
    assertThat(elsewhere.get("/api/me").statusCode()).isEqualTo(401);
  }

  private long sessionsOf(String username) {
    return jdbc.sql("select count(*) from spring_session where principal_name = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  /**
   * Cookies kept as a browser keeps them; the CSRF token read from its cookie, as the page does.
   */
  private final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    int signIn(String username, String password) throws Exception {
      HttpResponse<String> page = get("/login");
      assertThat(cookie("XSRF-TOKEN"))
          .as("the sign-in page's token cookie: %s %s", page.statusCode(), page.headers().map())
          .isPresent();
      return post(
          "/login",
          "username="
              + encode(username)
              + "&password="
              + encode(password)
              + "&_csrf="
              + encode(cookie("XSRF-TOKEN").orElseThrow()));
    }

    /** From a page, as the pages' sign-out button does (the page load renews the token). */
    int signOut() throws Exception {
      get("/inbox/");
      return post("/logout", "_csrf=" + encode(cookie("XSRF-TOKEN").orElseThrow()));
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    int post(String path, String form) throws Exception {
      return http.send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "text/html")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    }

    Optional<String> cookie(String name) {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals(name))
          .map(HttpCookie::getValue)
          .findFirst();
    }

    void setCookie(String name, String value) {
      HttpCookie cookie = new HttpCookie(name, value);
      cookie.setPath("/");
      cookie.setVersion(0);
      cookies.getCookieStore().add(uri("/"), cookie);
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
