package org.leadhandoff.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.routing.RosterStore;
import org.leadhandoff.support.BrowserAvailable;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.OwnEngine;
import org.leadhandoff.support.ProcessTestSupport;
import org.leadhandoff.support.TestIdentity;
import org.leadhandoff.support.TestSmtp;
import org.leadhandoff.support.TestWaits;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each user group's week in Chromium, from the mails they get: the link opens a page its recipient
 * may open (after signing in, where the link pointed), the day's work is done there, and they sign
 * out. Every page on the way fits a phone, a laptop and a wide screen, shows words and not codes,
 * and writes no error to the console.
 */
@BrowserAvailable
// Its engine stops with the class: two in-memory engines busy in one JVM garble each other's job
// batches.
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:working-week-browser-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import({ProcessTestSupport.class, LeadFixtures.class})
@OwnEngine
class WorkingWeekBrowserTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(TestSmtp.setup()).withPerMethodLifecycle(true);

  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>)]+");

  @LocalServerPort int port;
  @Autowired LeadFixtures leads;
  @Autowired ProcessTestSupport process;
  @Autowired RosterStore roster;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    process.initAssertions();
    browser = BrowserAvailable.Browser.open("week");
    wait = new WebDriverWait(browser, TestWaits.CEILING);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  // --- Mails ---

  private List<MimeMessage> mails(UUID leadId, String kind) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> header(m, "X-Lead-Handoff-Occasion").startsWith(kind + ":" + leadId))
        .toList();
  }

  private MimeMessage awaitMail(UUID leadId, String kind) {
    await().atMost(TestWaits.CEILING).until(() -> !mails(leadId, kind).isEmpty());
    return mails(leadId, kind).getLast();
  }

  private static String header(MimeMessage m, String name) {
    try {
      String[] header = m.getHeader(name);
      return header == null ? "" : header[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The links of the mail, pointed at this test's server: the mail names the configured public
   * address; the path and the part after '#' are what the recipient follows.
   */
  private List<String> links(MimeMessage mail) {
    return LINK.matcher(org.leadhandoff.support.MailText.of(mail))
        .results()
        .map(r -> r.group())
        .distinct()
        .map(this::here)
        .toList();
  }

  private String here(String link) {
    URI uri = URI.create(link);
    return base()
        + uri.getRawPath()
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }

  private String recipientId(MimeMessage mail) {
    try {
      String to = mail.getAllRecipients()[0].toString();
      return roster.all().stream()
          .filter(r -> r.email().equalsIgnoreCase(to))
          .map(r -> r.id())
          .findFirst()
          .orElse("marketing");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- Pages ---

  /** Follows a mail's link while signed out: the sign-in page, then the page the link named. */
  private void followSignedOut(String link, String username) {
    BrowserAvailable.Browser.forgetSession(browser, base());
    browser.get(link);
    wait.until(ExpectedConditions.urlContains("/login"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(TestIdentity.passwordOf(username));
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  /** Opens a link while signed in, and waits for the page to have drawn. */
  private void follow(String link) {
    browser.get(link);
    settled();
  }

  /** The page has loaded what it shows: no "Loading…" left, the signed-in line filled. */
  private void settled() {
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "const who = document.querySelector('[data-testid=signed-in]');"
                            + "const busy = document.querySelector('[aria-busy=true]');"
                            + "return document.readyState === 'complete' && !!who"
                            + " && who.textContent.trim() !== '' && !busy"
                            + " && !document.body.innerText.includes('Loading…');"));
  }

  /**
   * What every page on the way must be: no sideways scroll at a phone's, a laptop's and a wide
   * screen's width, no code of the API where a person reads, no error in the console, and no
   * refusal of the page for the role.
   */
  private void pageHolds(String screenshot) throws Exception {
    assertThat(browser.findElements(By.cssSelector(".message.error")))
        .as("an error on " + browser.getCurrentUrl())
        .allMatch(e -> !e.isDisplayed());
    assertThat(browser.findElement(By.tagName("body")).getText())
        .as("a page, not a JSON document")
        .doesNotStartWith("{");
    for (int width : List.of(390, 1280, 1920)) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
      wait.until(
          d ->
              (Boolean)
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "return document.documentElement.scrollWidth <= window.innerWidth"));
      assertThat(BrowserAvailable.Browser.codesShown(browser))
          .as("codes on " + browser.getCurrentUrl() + " at " + width + " px")
          .isEmpty();
      if (width == 390) {
        Files.write(
            Path.of("target/e2e/week-" + screenshot + "-phone.png"),
            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      }
    }
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    assertThat(BrowserAvailable.Browser.consoleErrors(browser))
        .as("console errors on " + browser.getCurrentUrl())
        .isEmpty();
  }

  private void signOut() {
    wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("#logout button[type=submit]")))
        .click();
    wait.until(ExpectedConditions.urlContains("/login?logout"));
    browser.get(base() + "/inbox/");
    wait.until(ExpectedConditions.urlContains("/login"));
  }

  private void choose(String label) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[@data-testid='task-form']//label[normalize-space(.)='" + label + "']")))
        .click();
  }

  private void completeTask() {
    browser.findElement(By.cssSelector("[data-testid=complete]")).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=message-ok]")));
  }

  private void awaitTaskForm() {
    wait.until(ExpectedConditions.urlContains("#/tasks/"));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-testid=task-form] .fjs-form")));
    settled();
  }

  private void myLeadsShow(UUID leadId, String decision) {
    browser.findElement(By.cssSelector("[data-testid=mine-link]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=mine-item][data-lead='" + leadId + "']"), decision));
  }

  /** The code of the availability the inbox shows (read at once: the panel is redrawn). */
  private String availabilityCode() {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const p = document.querySelector('[data-testid=availability-status]');"
                    + "return p ? p.dataset.code : null;");
  }

  // --- The weeks ---

  @Test
  @DisplayName(
      "a qualifier's week: the assignment mail opens the task after sign-in, the reminder the same task, the lead is qualified by phone and shows among their leads")
  void qualifierWeek() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    MimeMessage assignment = awaitMail(leadId, "assignment");
    String qualifier = recipientId(assignment);
    assertThat(links(assignment)).isNotEmpty();
    followSignedOut(links(assignment).getFirst(), qualifier);
    awaitTaskForm();
    pageHolds("qualifier-assignment");

    // Three hours on, still not called: the reminder's link opens the same task.
    process.advance(Duration.ofHours(3).plusMinutes(5));
    MimeMessage reminder = awaitMail(leadId, "reminder");
    for (String link : links(reminder)) {
      follow(link);
      pageHolds("qualifier-reminder");
    }
    browser.get(links(reminder).getFirst());
    awaitTaskForm();
    choose("Qualified: hand to sales");
    choose("Budget confirmed");
    browser
        .findElement(By.cssSelector("[data-testid=task-form] textarea"))
        .sendKeys("Routing by hand costs them a day per lead");
    completeTask();
    pageHolds("qualifier-done");

    myLeadsShow(leadId, "qualified");
    pageHolds("qualifier-my-leads");
    signOut();
  }

  @Test
  @DisplayName(
      "a sales rep's week: the assignment mail opens the qualified lead's task, the rep accepts it as an opportunity and finds it among their leads")
  void salesRepWeek() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    process.completeUserTask(
        Processes.PHONE_QUALIFICATION,
        leadId,
        "UserTask_QualifyByPhone",
        Map.of(
            "qualificationOutcome",
            "QUALIFIED",
            "budgetConfirmed",
            true,
            "needConfirmed",
            true,
            "painPoints",
            "manual lead routing"));
    process.awaitWaitingAt(
        process.instanceOf(Processes.SALES_HANDOFF, leadId), "UserTask_AcceptLead");
    MimeMessage assignment =
        await()
            .atMost(TestWaits.CEILING)
            .until(
                () ->
                    mails(leadId, "assignment").stream()
                        .filter(
                            m ->
                                roster
                                    .find(recipientId(m))
                                    .orElseThrow()
                                    .role()
                                    .name()
                                    .equals("SALES_REP"))
                        .findFirst()
                        .orElse(null),
                m -> m != null);
    String rep = recipientId(assignment);
    followSignedOut(links(assignment).getFirst(), rep);
    awaitTaskForm();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=task-form]"), "manual lead routing"));
    pageHolds("rep-assignment");

    // A rejection with one follow-up of three ticked: the page says which are missing, as the
    // server would, without sending it (no refusal in the console).
    choose("Reject");
    choose("First call attempt");
    browser.findElement(By.cssSelector("[data-testid=complete]")).click();
    try {
      wait.until(
          ExpectedConditions.visibilityOfElementLocated(
              By.xpath(
                  "//*[@data-testid='message-error'][contains(., 'Second call attempt, Email"
                      + " sent')]")));
    } finally {
      Files.write(
          Path.of("target/e2e/week-rep-reject-without-follow-ups.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
    assertThat(BrowserAvailable.Browser.consoleErrors(browser))
        .as("console errors after the refused rejection")
        .isEmpty();

    choose("Accept: create an opportunity");
    LocalDate close = LocalDate.ofInstant(process.now(), ZoneOffset.UTC).plusDays(45);
    var closeDate =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(
                    "[data-testid=task-form] input.fjs-input[id*='expectedCloseDate'], [data-testid=task-form] .fjs-datetime-subsection input")));
    // On a phone the date picker opens within the screen (it reached 428 px in a 375 px view).
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 800));
    closeDate.click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
    assertThat(
            (String)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "const c = document.querySelector('.flatpickr-calendar.open')"
                            + ".getBoundingClientRect();"
                            + "return Math.round(c.left) + '..' + Math.round(c.right) + ' of '"
                            + " + window.innerWidth + ', page ' +"
                            + " document.documentElement.scrollWidth;"))
        .as("the open date picker at 390 px")
        .matches(
            r -> {
              var m =
                  java.util.regex.Pattern.compile("(-?\\d+)\\.\\.(\\d+) of (\\d+), page (\\d+)")
                      .matcher(r);
              return m.matches()
                  && Integer.parseInt(m.group(1)) >= 0
                  && Integer.parseInt(m.group(2)) <= Integer.parseInt(m.group(3))
                  && Integer.parseInt(m.group(4)) <= Integer.parseInt(m.group(3));
            });
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    // A date written otherwise than the field shows (a German date in this browser's mm/dd/yyyy
    // field) is not read as some other date: the field says how to write it.
    closeDate.sendKeys(close.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=date-format-hint]"), "mm/dd/yyyy"));
    closeDate.sendKeys(
        Keys.chord(Keys.CONTROL, "a"),
        close.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")),
        Keys.ENTER);
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("[data-testid=date-format-hint]")));
    // An amount as an English reader writes it, thousands separated.
    browser
        .findElement(By.cssSelector("[data-testid=task-form] .fjs-form-field-number input"))
        .sendKeys("12,500.50");
    completeTask();
    process.awaitCompleted(process.lifecycleOf(leadId));
    assertThat(
            jdbc.sql(
                    "select reason_facts from lead_stage_change where lead_id = ?"
                        + " and to_stage = 'OPPORTUNITY'")
                .param(leadId)
                .query(String.class)
                .single())
        .as("the amount as it was meant, not 12.5005")
        .contains("12500.5")
        .contains(close.toString());

    myLeadsShow(leadId, "yours");
    pageHolds("rep-my-leads");
    // On a phone the queue stands above: the list opens in view, not below it off the screen.
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 480));
    ((JavascriptExecutor) browser).executeScript("location.hash = '#/'; window.scrollTo(0, 0);");
    myLeadsShow(leadId, "yours");
    assertThat(
            (Boolean)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "const top = document.querySelector('[data-testid=mine]')"
                            + ".getBoundingClientRect().top;"
                            + "return top >= 0 && top < window.innerHeight;"))
        .as("my leads in view at 390 px")
        .isTrue();
    assertThat(
            browser
                .findElement(By.cssSelector("[data-testid=mine-link]"))
                .getDomAttribute("aria-current"))
        .isEqualTo("page");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    browser
        .findElement(By.cssSelector("[data-testid=mine-item][data-lead='" + leadId + "'] a"))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=history]"), "Opportunity"));
    settled();
    pageHolds("rep-lead");
    signOut();
  }

  @Test
  @DisplayName(
      "a language chosen in one browser follows the person to a new one, and a new browser's own"
          + " default does not overwrite it (pages and mails)")
  void languageFollowsThePerson() throws Exception {
    BrowserAvailable.Browser.signIn(browser, base(), "alex");
    follow(base() + "/inbox/");
    new org.openqa.selenium.support.ui.Select(
            wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=language]"))))
        .selectByValue("de");
    wait.until(
        d ->
            "de"
                .equals(
                    ((JavascriptExecutor) d)
                        .executeScript("return document.documentElement.lang")));
    settled();
    // A new browser: nothing kept in it.
    BrowserAvailable.Browser.forgetSession(browser, base());
    ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
    BrowserAvailable.Browser.signIn(browser, base(), "alex");
    follow(base() + "/inbox/");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.lang"))
        .isEqualTo("de");
    assertThat(browser.findElement(By.cssSelector("[data-testid=signed-in]")).getText())
        .contains("Vertrieb");
    pageHolds("rep-german-new-browser");
    // Back to English, as the other weeks of this class read Alex's pages and mails.
    new org.openqa.selenium.support.ui.Select(
            browser.findElement(By.cssSelector("[data-testid=language]")))
        .selectByValue("en");
    wait.until(
        d ->
            "en"
                .equals(
                    ((JavascriptExecutor) d)
                        .executeScript("return document.documentElement.lang")));
    settled();
    signOut();
  }

  @Test
  @DisplayName(
      "a rep away for two days says so in the inbox, the manager sees it on the dashboard's team,"
          + " routing passes the rep by, and the rep says they are back")
  void repAwayAndBack() throws Exception {
    BrowserAvailable.Browser.signIn(browser, base(), "sam");
    follow(base() + "/inbox/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=go-away]")))
        .click();
    var backAtInput =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=back-at]")));
    // The date picker's keyboard order follows the browser's locale: the value is set as a
    // person's pick would set it, in the browser's own time zone.
    java.time.Instant backAt =
        process.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    String local =
        java.time.LocalDateTime.ofInstant(backAt, java.time.ZoneId.systemDefault())
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
            backAtInput,
            local);
    browser.findElement(By.cssSelector("[data-testid=confirm-away]")).click();
    wait.until(d -> "OUT_OF_OFFICE".equals(availabilityCode()));
    assertThat(browser.findElement(By.cssSelector("[data-testid=availability-status]")).getText())
        .startsWith("You are away until")
        .endsWith("New leads go to your colleagues.");
    assertThat(roster.find("sam").orElseThrow().outOfOfficeTo()).isEqualTo(backAt);
    pageHolds("rep-away");
    signOut();

    // The manager sees it on the team and when choosing whom to hand a task to.
    BrowserAvailable.Browser.signIn(browser, base(), "manager");
    follow(base() + "/dashboard/");
    var sam =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=team-sam]")));
    assertThat(sam.getDomAttribute("data-code")).isEqualTo("OUT_OF_OFFICE");
    assertThat(sam.getText()).contains("Sam Becker").contains("away until");
    pageHolds("manager-team");
    signOut();

    // A qualified lead for Sam's territory goes past Sam, who is away.
    UUID leadId = process.hotLeadInQualification(leads);
    process.qualify(leadId);
    var salesRouting =
        await()
            .atMost(TestWaits.CEILING)
            .until(
                () ->
                    roster.history(leadId).stream()
                        .filter(r -> r.role().name().equals("SALES_REP"))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(salesRouting.chosenRep()).isNotEqualTo("sam");
    assertThat(salesRouting.candidates()).contains("OUT_OF_OFFICE");

    BrowserAvailable.Browser.signIn(browser, base(), "sam");
    follow(base() + "/inbox/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=back]")))
        .click();
    wait.until(d -> availabilityCode() != null && !"OUT_OF_OFFICE".equals(availabilityCode()));
    assertThat(roster.find("sam").orElseThrow().outOfOfficeFrom()).isNull();
    pageHolds("rep-back");
    signOut();
  }

  @Test
  @DisplayName(
      "a sales manager's week: the escalation mail opens the lead's task, the manager hands it to a colleague, reads the dashboard and signs out")
  void managerWeek() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    var qualification = process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);
    awaitMail(leadId, "assignment");
    // Nobody calls: the deadline passes three times, the lead is rerouted until the manager hears.
    for (int miss = 1; miss <= 3; miss++) {
      process.awaitWaitingAt(qualification, "UserTask_QualifyByPhone");
      process.advance(Duration.ofHours(4).plusMinutes(5));
      process.awaitPassed(qualification, "Task_PlanReroute", miss);
    }
    MimeMessage escalation = awaitMail(leadId, "escalation");
    String manager = recipientId(escalation);
    followSignedOut(links(escalation).getFirst(), manager);
    wait.until(ExpectedConditions.urlContains("#/tasks/"));
    var to =
        wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=hand-over-to]")));
    settled();
    pageHolds("manager-escalation");
    var select = new org.openqa.selenium.support.ui.Select(to);
    String colleague =
        select.getOptions().stream()
            .map(o -> o.getDomAttribute("value"))
            .filter(v -> v != null && !v.isBlank() && !v.equals(manager))
            .findFirst()
            .orElseThrow();
    select.selectByValue(colleague);
    browser
        .findElement(By.cssSelector("[data-testid=hand-over-reason]"))
        .sendKeys("Zoë is back and knows the account");
    browser.findElement(By.cssSelector("[data-testid=hand-over]")).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=message-ok]")));
    pageHolds("manager-handed-over");

    // The new owner is told, and their mail's link opens the task for them.
    await()
        .atMost(TestWaits.CEILING)
        .until(
            () ->
                Arrays.stream(smtp.getReceivedMessages())
                    .anyMatch(
                        m ->
                            header(m, "X-Lead-Handoff-Occasion").contains(leadId.toString())
                                && recipientId(m).equals(colleague)
                                && !links(m).isEmpty()
                                && header(m, "X-Lead-Handoff-Occasion").startsWith("assignment")));

    browser.findElement(By.id("dashboard-link")).click();
    wait.until(ExpectedConditions.urlContains("/dashboard"));
    settled();
    pageHolds("manager-dashboard");
    signOut();
  }

  @Test
  @DisplayName(
      "marketing's week: the recycle mail opens the lead and its story on the dashboard, the lead is among what came back, with why, and marketing signs out")
  void marketingWeek() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    process.qualify(leadId);
    String rep =
        roster.history(leadId).stream()
            .filter(r -> r.role().name().equals("SALES_REP") && r.chosenRep() != null)
            .reduce((a, b) -> b)
            .orElseThrow()
            .chosenRep();
    process.rejectAsSalesRep(leadId, "NO_BUDGET");
    MimeMessage recycled = awaitMail(leadId, "recycled");
    String marketing = recipientId(recycled);
    followSignedOut(links(recycled).getFirst(), marketing);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#leads[data-shown='#lead/" + leadId + "']")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=timeline]"), "→ Recycled"));
    settled();
    pageHolds("marketing-recycled-lead");

    browser.findElement(By.id("leads-close")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-testid=returned-rows] tr[data-lead='" + leadId + "']")));
    assertThat(
            browser
                .findElement(
                    By.cssSelector("[data-testid=returned-rows] tr[data-lead='" + leadId + "']"))
                .getText())
        .contains("Recycled", "rejected by sales")
        .as("sent back by the rep who rejected it, not by the model")
        .contains(roster.find(rep).orElseThrow().name());
    pageHolds("marketing-dashboard");

    browser.findElement(By.id("imports-link")).click();
    wait.until(ExpectedConditions.urlContains("/imports"));
    settled();
    pageHolds("marketing-imports");
    signOut();
  }
}
