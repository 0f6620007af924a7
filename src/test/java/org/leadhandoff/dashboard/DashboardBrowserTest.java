package org.leadhandoff.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.support.BrowserAvailable;
import org.leadhandoff.support.OwnEngine;
import org.leadhandoff.support.ReportSeed;
import org.leadhandoff.support.TestWaits;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A sales manager opens /dashboard on the seeded fortnight ({@link ReportSeed}) in Chromium: the
 * charts draw the seeded numbers, the numbers lead to the leads behind them, a lead to its
 * timeline.
 */
@BrowserAvailable
// Its engine stops with the class: two in-memory engines busy in one JVM garble each other's job
// batches (seen: a b1 job handed to a real worker, one lead lost).
@org.springframework.test.annotation.DirtiesContext
// Its own in-memory store: the seed empties the report's tables.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:dashboard-browser-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@OwnEngine
class DashboardBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.leadhandoff.system.ApplicationClock clock;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void open() throws Exception {
    new ReportSeed(jdbc).write();
    browser = BrowserAvailable.Browser.open("dashboard");
    wait = new WebDriverWait(browser, TestWaits.CEILING);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private WebElement find(String css) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  private String text(String css) {
    return find(css).getText().strip();
  }

  /** The chart's numbers as the page states them for screen readers. */
  private String chart(String id) {
    WebElement canvas = find("#" + id + "[data-rendered=true]");
    return canvas.getAttribute("aria-label");
  }

  /** Whether anything was drawn on the canvas. */
  private boolean drawn(String id) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const c = document.getElementById(arguments[0]);"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;"
                    + "return false;",
                id);
  }

  /** Follows a drill-down link and waits until the page has drawn that link's list. */
  private void drillInto(String css) {
    WebElement link = find(css);
    String hash = link.getDomAttribute("href");
    link.click();
    wait.until(
        d ->
            hash.equals(
                ((JavascriptExecutor) d)
                    .executeScript("return document.getElementById('leads').dataset.shown")));
  }

  private List<String> leadNames() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#leads")));
    return browser.findElements(By.cssSelector("[data-testid=lead-rows] tr.lead-row th")).stream()
        .map(e -> e.getText().strip())
        .sorted()
        .toList();
  }

  @Test
  @DisplayName(
      "the dashboard answers: how many reached each stage, where they waited, who missed SLAs, why leads were rejected, whether marketing sends enough")
  void seededFortnight() throws Exception {
    BrowserAvailable.Browser.signIn(browser, "http://localhost:" + port, "manager");
    browser.get("http://localhost:" + port + "/dashboard?from=2026-03-02&to=2026-03-15&lang=en");
    find("#report[data-loaded='2026-03-02..2026-03-15']");

    // How many reached each stage.
    assertThat(text("[data-testid=kpi-captured] .value")).isEqualTo("4");
    assertThat(text("[data-testid=kpi-mql] .value")).isEqualTo("4");
    assertThat(text("[data-testid=kpi-sql] .value")).isEqualTo("2");
    assertThat(text("[data-testid=kpi-opportunity] .value")).isEqualTo("1");
    assertThat(chart("chart-funnel"))
        .isEqualTo(
            "entered: Captured 4, In profile 3, MQL 4, SAL (qualifying) 4, SQL 2, Opportunity 1;"
                + " went on: Captured 3, In profile 3, MQL 4, SAL (qualifying) 2, SQL 1,"
                + " Opportunity 0");
    assertThat(text("[data-testid=stage-SAL] .rate")).isEqualTo("50%");

    // Where they waited longest: SAL stays of 2, 2, 4 and 24 h, so 2 h at the median and 24 h at
    // the 90th percentile (nearest rank); SQL a day.
    assertThat(chart("chart-time"))
        .contains("median (hours): ")
        .contains("SAL (qualifying) 2,")
        .contains("SQL 24")
        .contains("90th percentile (hours): ")
        .contains("SAL (qualifying) 24");
    assertThat(text("[data-testid=stage-SAL] .median")).isEqualTo("2.0 hr");

    // Who missed SLAs.
    assertThat(text("[data-testid=kpi-first-touch] .value")).isEqualTo("80%");
    assertThat(text("[data-testid=kpi-acceptance] .value")).isEqualTo("50%");
    assertThat(text("[data-testid=rep-q1-QUALIFIER] .missed-count")).isEqualTo("1");
    assertThat(chart("chart-sla")).contains("first touch missed: ").contains("Mar 4, 2026 1");

    // Why leads were rejected and recycled; escalations and reroutes.
    assertThat(chart("chart-rejections")).isEqualTo("Rejections: no budget 1");
    assertThat(chart("chart-recycles"))
        .contains("not reached by phone 1")
        .contains("rejected by sales 1");
    assertThat(text("[data-testid=ladder]")).contains("1 rerouted: deadline missed");

    // Whether marketing sends enough: 2 MQLs a week against 15.
    assertThat(chart("chart-supply"))
        .contains("MQLs delivered: week of Mar 2, 2026 2, week of Mar 9, 2026 2")
        .contains("qualifiers can take: week of Mar 2, 2026 15");
    assertThat(text("[data-testid=supply-verdict]"))
        .startsWith(
            "2.0 MQLs a week on average over the 2 weeks of the period, against a qualification"
                + " capacity of 15 a week")
        .endsWith("marketing is not sending enough.");
    assertThat(chart("chart-sources")).contains("web 2").contains("trade show 2");

    for (String id :
        List.of(
            "chart-funnel",
            "chart-time",
            "chart-supply",
            "chart-sla",
            "chart-rejections",
            "chart-sources")) {
      assertThat(drawn(id)).as(id + " drew something").isTrue();
    }
    Files.write(
        Path.of("target/e2e/dashboard.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // Each number leads to the leads behind it...
    drillInto("[data-testid=stage-SAL] .entered a");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("leads-title"), "(4)"));
    assertThat(leadNames()).containsExactly("L1", "L2", "L4", "L5");
    assertThat(find("[data-testid=leads-csv]").getAttribute("href"))
        .contains("/api/reports/leads.csv?")
        .contains("metric=ENTERED")
        .contains("stage=SAL");

    drillInto("[data-testid=rep-q1-QUALIFIER] .missed-count a");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("leads-title"), "SLA missed"));
    assertThat(leadNames()).containsExactly("L2");

    // ... and a lead to its story.
    find("[data-testid=lead-rows] tr.lead-row th a").click();
    WebElement timeline = find("[data-testid=timeline]");
    assertThat(timeline.getText())
        .contains("New lead: Captured")
        .contains("Accepted for qualification (SAL) → Recycled");
    Files.write(
        Path.of("target/e2e/dashboard-leads.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @DisplayName(
      "a sales manager reads the dashboard in German: words, not codes, at phone and desktop widths, and marketing's returns with their reasons")
  void managerReadsItInGerman() throws Exception {
    BrowserAvailable.Browser.signIn(browser, "http://localhost:" + port, "manager");
    browser.get("http://localhost:" + port + "/dashboard/?from=2026-03-02&to=2026-03-15&lang=de");
    find("#report[data-loaded='2026-03-02..2026-03-15']");
    assertThat(text("[data-testid=kpi-captured] .label")).isEqualTo("Erfasst");
    assertThat(text("[data-testid=kpi-first-touch] .value")).isEqualTo("80 %");
    assertThat(text("[data-testid=stage-SAL] .median")).isEqualTo("2,0 Std.");
    assertThat(chart("chart-rejections")).isEqualTo("Ablehnungen: kein Budget 1");
    assertThat(text("[data-testid=supply-verdict]"))
        .startsWith("Im Schnitt 2,0 MQLs pro Woche")
        .endsWith("das Marketing liefert nicht genug.");
    assertThat(text("[data-testid=signed-in]")).contains("Vertriebsleitung");
    // What came back to marketing: the recycled leads, why in words, and when to try again.
    assertThat(text("[data-testid=returned-rows]"))
        .contains("telefonisch nicht erreicht")
        .contains("vom Vertrieb abgelehnt");
    fitsEveryWidth("dashboard-de");

    drillInto("[data-testid=stage-SAL] .entered a");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("leads-title"), "Leads, die in „SAL (in Qualifizierung)“ kamen (4)"));
    find("[data-testid=lead-rows] tr.lead-row th a").click();
    WebElement timeline = find("[data-testid=timeline]");
    wait.until(ExpectedConditions.textToBePresentInElement(timeline, "Neuer Lead: Erfasst"));
    fitsEveryWidth("dashboard-de-timeline");
    assertThat(BrowserAvailable.Browser.consoleErrors(browser)).as("console errors").isEmpty();
  }

  /**
   * At a phone's, a laptop's and a wide screen's width: no sideways scroll, no code on the page.
   */
  private void fitsEveryWidth(String screenshot) throws Exception {
    for (int width : List.of(390, 1280, 1920)) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
      wait.until(
          d ->
              (Boolean)
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "return document.documentElement.scrollWidth <= window.innerWidth"));
      assertThat(BrowserAvailable.Browser.codesShown(browser))
          .as("codes on the page at " + width + " px")
          .isEmpty();
      Files.write(
          Path.of("target/e2e/" + screenshot + "-" + width + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
  }

  @Test
  @DisplayName("a period that ends before it starts is refused with the field named")
  void badPeriod() {
    BrowserAvailable.Browser.signIn(browser, "http://localhost:" + port, "manager");
    browser.get("http://localhost:" + port + "/dashboard/?from=2026-03-15&to=2026-03-01&lang=en");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(text("#error")).isEqualTo("To: must be after from");
  }

  @Test
  @DisplayName(
      "marketing sees who is signed in, no inbox link (a 403 for marketing), and signs out")
  void marketingSignsOut() {
    BrowserAvailable.Browser.signIn(browser, "http://localhost:" + port, "marketing");
    browser.get("http://localhost:" + port + "/dashboard/?from=2026-03-02&to=2026-03-15");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=signed-in]"), "marketing"));
    assertThat(browser.findElement(By.id("inbox-link")).isDisplayed()).isFalse();
    // An address without a page: the product's page in the reader's words, with a way back.
    browser.get("http://localhost:" + port + "/no-such-page");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[role=alert]"), "There is no page at this address."));
    assertThat(browser.findElement(By.cssSelector("a[href='/']")).isDisplayed()).isTrue();
    browser.get("http://localhost:" + port + "/dashboard/?from=2026-03-02&to=2026-03-15");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=signed-in]"), "marketing"));
    assertThat(browser.findElement(By.id("imports-link")).isDisplayed())
        .as("marketing imports")
        .isTrue();
    // Where the recycle mail links: the lead and its timeline, which marketing may open.
    java.util.UUID recycled =
        jdbc.sql(
                "select lead_id from lead_stage_change where to_stage = 'RECYCLED' fetch first 1 rows only")
            .query(java.util.UUID.class)
            .single();
    browser.get(
        "http://localhost:" + port + "/dashboard/?from=2026-03-02&to=2026-03-15#lead/" + recycled);
    find("#leads[data-shown='#lead/" + recycled + "']");
    assertThat(text("[data-testid=lead-facts]")).contains("Stage");
    assertThat(text("[data-testid=timeline]")).contains("→ Recycled");
    // A phone: the dashboard and the lead are no wider than the screen.
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.documentElement.scrollWidth <= window.innerWidth"));
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));

    // The mail's link followed while signed out: after signing in, the lead opens.
    BrowserAvailable.Browser.forgetSession(browser, "http://localhost:" + port);
    browser.get("http://localhost:" + port + "/dashboard/#lead/" + recycled);
    wait.until(ExpectedConditions.urlContains("/login"));
    find("#username").sendKeys("marketing");
    find("#password").sendKeys(org.leadhandoff.support.TestIdentity.passwordOf("marketing"));
    find("button[type=submit]").click();
    find("#leads[data-shown='#lead/" + recycled + "']");
    assertThat(text("[data-testid=timeline]")).contains("→ Recycled");
    BrowserAvailable.Browser.signIn(browser, "http://localhost:" + port, "marketing");
    browser.get("http://localhost:" + port + "/dashboard/?from=2026-03-02&to=2026-03-15");
    // The inbox is the sales floor's: a page that says so, not a JSON document.
    browser.get("http://localhost:" + port + "/inbox/");
    assertThat(text(".message.error")).isEqualTo("This page is not open to your role.");
    browser.get("http://localhost:" + port + "/dashboard/?from=2026-03-02&to=2026-03-15");
    find("[data-testid=sign-out]").click();
    wait.until(ExpectedConditions.urlContains("/login?logout"));
    assertThat(text("#signed-out")).isEqualTo("You are signed out.");
    assertThat(browser.getTitle()).isEqualTo("Lead Handoff · Sign in");
    browser.get("http://localhost:" + port + "/dashboard/");
    wait.until(ExpectedConditions.urlContains("/login"));
  }

  @Test
  @DisplayName(
      "without a period the dashboard shows the 30 days to the application's date, which the"
          + " engine's clock moves, not the browser's")
  void defaultPeriodFollowsTheApplicationsClock() {
    clock.advance(java.time.Duration.ofDays(40));
    java.time.LocalDate today = java.time.LocalDate.now(clock);
    BrowserAvailable.Browser.signIn(browser, "http://localhost:" + port, "manager");
    browser.get("http://localhost:" + port + "/dashboard/?lang=en");
    find("#report[data-loaded='" + today.minusDays(29) + ".." + today + "']");
    assertThat(find("input[name=to]").getDomProperty("value")).isEqualTo(today.toString());
  }
}
