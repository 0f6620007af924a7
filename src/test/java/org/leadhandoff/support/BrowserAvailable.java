package org.leadhandoff.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test where the machine has headless Chromium and its driver (Debian's chromium and
 * chromium-driver; {@code LEAD_HANDOFF_CHROMIUM} and {@code LEAD_HANDOFF_CHROMEDRIVER} point
 * elsewhere) and the inbox page was built. Otherwise the test is skipped and says why, unless
 * {@code LEAD_HANDOFF_REQUIRE_BROWSER=true} (CI sets it), which makes it a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrowserAvailable.Condition.class)
public @interface BrowserAvailable {

  final class Browser {
    public static final Path CHROMIUM = Path.of(env("LEAD_HANDOFF_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
        Path.of(env("LEAD_HANDOFF_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path INBOX = Path.of("target/classes/static/inbox/index.html");
    static final Path DASHBOARD = Path.of("target/classes/static/dashboard/index.html");
    static final Path IMPORTS = Path.of("target/classes/static/imports/index.html");

    private Browser() {}

    /** Where a browser opened as {@code name} saves its downloads. */
    public static Path downloads(String name) {
      return Path.of("target/e2e/downloads-" + name).toAbsolutePath();
    }

    /**
     * Opens headless Chromium (1400 x 1000, a fresh profile); screenshots go to target/e2e,
     * downloads to {@link #downloads(String)}.
     */
    public static org.openqa.selenium.WebDriver open(String name) throws java.io.IOException {
      Files.createDirectories(Path.of("target/e2e"));
      Files.createDirectories(downloads(name));
      var options = new org.openqa.selenium.chrome.ChromeOptions();
      options.setBinary(Browser.CHROMIUM.toFile());
      options.setExperimentalOption(
          "prefs",
          java.util.Map.of(
              "download.default_directory",
              downloads(name).toString(),
              "download.prompt_for_download",
              false));
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1400,1000",
          "--user-data-dir=" + Files.createTempDirectory(name + "-chromium"));
      // The page's console, for tests that fail on its errors.
      var logs = new org.openqa.selenium.logging.LoggingPreferences();
      logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      var service =
          new org.openqa.selenium.chrome.ChromeDriverService.Builder()
              .usingDriverExecutable(Browser.CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      return new org.openqa.selenium.chrome.ChromeDriver(service, options);
    }

    /**
     * Codes of the API on the page where a person reads (NO_BUDGET, QUALIFIER), or a script's null.
     */
    public static java.util.List<String> codesShown(org.openqa.selenium.WebDriver browser) {
      String text =
          (String)
              ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript("return document.body.innerText");
      return java.util.regex.Pattern.compile(
              "\\b[A-Z]{2,}_[A-Z_]+\\b|\\b(HOT|WARM|COLD|QUALIFIER|MARKETING|null|undefined|NaN)\\b"
                  // The criteria's names as stored (the fixtures' leads come from the web form).
                  + "|(?<![\\w-])(web-form|financial-services)(?![\\w-])")
          .matcher(text)
          .results()
          .map(java.util.regex.MatchResult::group)
          .toList();
    }

    /** The errors the pages wrote to the console since the last call. */
    public static java.util.List<String> consoleErrors(org.openqa.selenium.WebDriver browser) {
      return browser
          .manage()
          .logs()
          .get(org.openqa.selenium.logging.LogType.BROWSER)
          .getAll()
          .stream()
          .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
          .map(org.openqa.selenium.logging.LogEntry::getMessage)
          .toList();
    }

    /**
     * Drops the browser's session cookie as a new browser would have none. The page is left first:
     * a page that polls (the inbox) would otherwise ask once more between the deletion and the next
     * page, and log the 401 it gets as a console error. The sign-in page polls nothing and is of
     * the same origin, so the deletion reaches the session's cookie.
     */
    public static void forgetSession(org.openqa.selenium.WebDriver browser, String baseUrl) {
      browser.get(baseUrl + "/login");
      browser.manage().deleteAllCookies();
    }

    /** Signs in on the application's sign-in page as a person (the test profile's password). */
    public static void signIn(
        org.openqa.selenium.WebDriver browser, String baseUrl, String username) {
      forgetSession(browser, baseUrl);
      browser.get(baseUrl + "/login");
      browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
      browser
          .findElement(org.openqa.selenium.By.id("password"))
          .sendKeys(TestIdentity.passwordOf(username));
      browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(browser, TestWaits.CEILING)
          .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }
  }

  class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String missing = null;
      if (!Files.isExecutable(Browser.CHROMIUM)) {
        missing = "no Chromium at " + Browser.CHROMIUM + " (apt-get install chromium)";
      } else if (!Files.isExecutable(Browser.CHROMEDRIVER)) {
        missing =
            "no ChromeDriver at " + Browser.CHROMEDRIVER + " (apt-get install chromium-driver)";
      } else if (!Files.exists(Browser.INBOX)
          || !Files.exists(Browser.DASHBOARD)
          || !Files.exists(Browser.IMPORTS)) {
        missing =
            "the pages were not built ("
                + Browser.INBOX
                + ", "
                + Browser.DASHBOARD
                + ", "
                + Browser.IMPORTS
                + "; build without -DskipFrontend)";
      }
      if (missing == null) {
        return ConditionEvaluationResult.enabled("Chromium and the pages are here");
      }
      if ("true".equalsIgnoreCase(System.getenv("LEAD_HANDOFF_REQUIRE_BROWSER"))) {
        throw new IllegalStateException(
            "Browser test cannot run: " + missing + ", and LEAD_HANDOFF_REQUIRE_BROWSER=true");
      }
      return ConditionEvaluationResult.disabled("Browser test skipped: " + missing);
    }
  }
}
