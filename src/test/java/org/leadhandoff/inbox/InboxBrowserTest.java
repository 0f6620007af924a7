package org.leadhandoff.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.BrowserAvailable;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.OwnEngine;
import org.leadhandoff.support.ProcessTestSupport;
import org.leadhandoff.support.TestWaits;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** A qualifier and a sales rep work a lead from MQL to OPPORTUNITY in the inbox, in Chromium. */
@BrowserAvailable
// Its engine stops with the class: two in-memory engines busy in one JVM garble each other's job
// batches (seen: a b1 job handed to a real worker, one lead lost).
@org.springframework.test.annotation.DirtiesContext
// Its own in-memory store: two application contexts on one store would take each other's work.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:inbox-browser-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import({ProcessTestSupport.class, LeadFixtures.class})
@OwnEngine
class InboxBrowserTest {

  @LocalServerPort int port;
  @Autowired LeadFixtures leads;
  @Autowired LeadStore store;
  @Autowired ProcessTestSupport process;
  @Autowired org.leadhandoff.tasks.TaskService tasks;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = BrowserAvailable.Browser.open("inbox");
    wait = new WebDriverWait(browser, TestWaits.CEILING);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Signs in as a person of the roster. */
  private void iAm(String repId) {
    BrowserAvailable.Browser.signIn(browser, "http://127.0.0.1:" + port, repId);
  }

  /** Whom routing gave the lead's open task in the group. */
  private String assigneeOf(UUID leadId, String group) {
    return org.awaitility.Awaitility.await()
        .until(
            () ->
                tasks.queue(group, null, 500).stream()
                    .filter(t -> leadId.equals(t.leadId()))
                    .map(t -> t.assignee())
                    .findFirst()
                    .orElse(null),
            a -> a != null);
  }

  private void openTaskOf(UUID leadId) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid=queue-item][data-lead='" + leadId + "']")))
        .click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-testid=task-form] .fjs-form")));
  }

  /** Clicks the radio button or checkbox with this label. */
  private void choose(String label) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[@data-testid='task-form']//label[normalize-space(.)='" + label + "']")))
        .click();
  }

  /** Opens form-js's dropdown of the select field and picks the option. */
  private void pick(String option) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid=task-form] .fjs-input-group .fjs-select-display")))
        .click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='"
                        + option
                        + "']")))
        .click();
  }

  private void screenshot(String name) throws Exception {
    Files.write(
        Path.of("target/e2e/" + name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @DisplayName(
      "a qualifier qualifies a lead in /inbox, it appears in a sales rep's queue, and the rep accepts it")
  void workLeadInBrowser() throws Exception {
    UUID leadId = leads.gradeA();
    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");
    leads.engage(leadId, "demo-request", 0);
    process.awaitWaitingAt(
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId), "UserTask_QualifyByPhone");

    String qualifier = assigneeOf(leadId, "qualifiers");
    iAm(qualifier);
    browser.get("http://127.0.0.1:" + port + "/inbox/");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=signed-in]"), "(lead qualifier)"));
    openTaskOf(leadId);
    assertThat(browser.findElement(By.cssSelector("[data-testid=lead-panel]")).getText())
        .contains(
            "Ada Lovelace",
            "CTO, BigCo",
            "+44 20 7946 0000",
            "Fit: 90 points (grade A)",
            "industry: software");
    browser.findElement(By.cssSelector("[data-testid=unclaim], [data-testid=claim]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".task-head"), "assigned to "));

    // Submitting without an outcome is stopped by the form itself.
    browser.findElement(By.cssSelector("[data-testid=complete]")).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("[data-testid=message-error]")));
    choose("Qualified: hand to sales");
    choose("Budget confirmed");
    browser
        .findElement(
            By.cssSelector(
                "[data-testid=task-form] textarea[id*='painPoints'], [data-testid=task-form] textarea"))
        .sendKeys("Leads wait three days for a call");
    screenshot("1-qualification");
    // The task page fits a laptop, a big screen and a phone: nothing wider than the window.
    for (int width : new int[] {1280, 1920, 390}) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
      wait.until(
          d ->
              (Boolean)
                  ((org.openqa.selenium.JavascriptExecutor) d)
                      .executeScript(
                          "return document.documentElement.scrollWidth <= window.innerWidth"));
    }
    screenshot("1-qualification-phone");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    browser.findElement(By.cssSelector("[data-testid=complete]")).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=message-ok]")));

    String rep = assigneeOf(leadId, "sales");
    iAm(rep);
    browser.get("http://127.0.0.1:" + port + "/inbox/#/");
    openTaskOf(leadId);
    String repsTask = browser.getCurrentUrl();
    assertThat(browser.findElement(By.cssSelector("[data-testid=task-form]")).getText())
        .contains("Leads wait three days for a call");
    choose("Reject");
    pick("No budget (recycle)");
    choose("First call attempt");
    browser.findElement(By.cssSelector("[data-testid=complete]")).click();
    WebElement refused =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=message-error]")));
    assertThat(refused.getText())
        .contains(
            "Before rejecting, do and tick the prescribed follow-ups; missing: Second call attempt, Email sent");
    screenshot("2-refused-reject");
    // The refusal is the server's 400, which Chromium logs; nothing else went wrong so far.
    assertThat(BrowserAvailable.Browser.consoleErrors(browser))
        .allMatch(e -> e.contains("/complete") && e.contains("status of 400"));

    choose("Accept: create an opportunity");
    WebElement date =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(
                    "[data-testid=task-form] input.fjs-input[id*='expectedCloseDate'], [data-testid=task-form] .fjs-datetime-subsection input")));
    LocalDate close = LocalDate.ofInstant(process.now(), ZoneOffset.UTC).plusDays(45);
    date.sendKeys(close.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.ENTER);
    screenshot("3-accept");
    browser.findElement(By.cssSelector("[data-testid=complete]")).click();
    // The page says what was decided, not only that the task is done.
    assertThat(
            wait.until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-testid=message-ok]")))
                .getText())
        .startsWith("Recorded for Ada Lovelace: accepted");

    process.awaitCompleted(process.lifecycleOf(leadId));
    assertThat(store.find(leadId).orElseThrow().stage()).isEqualTo(Stage.OPPORTUNITY);
    // The task's address again, later: it says the task is done, and offers no form to work.
    assertThat(repsTask).contains("#/tasks/");
    browser.get("http://127.0.0.1:" + port + "/inbox/#/");
    browser.get(repsTask);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=message-info]"), "This task is done"));
    assertThat(browser.findElements(By.cssSelector("[data-testid=task-form]"))).isEmpty();
    browser.get("http://127.0.0.1:" + port + "/inbox/#/leads/" + leadId);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=history]"), "Sales-qualified (SQL) → Opportunity"));
    screenshot("4-lead");

    // The rep's own leads: the one they accepted, an opportunity now, and theirs.
    browser.findElement(By.cssSelector("[data-testid=mine-link]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=mine-item][data-lead='" + leadId + "']"), "yours"));
    assertThat(
            browser
                .findElement(By.cssSelector("[data-testid=mine-item][data-lead='" + leadId + "']"))
                .getText())
        .contains("Ada Lovelace", "accepted on", "now: Opportunity");
    assertThat(browser.findElement(By.cssSelector("[data-testid=mine-summary]")).getText())
        .contains("One of them is an open opportunity of yours.");
    noCodesShown();
    fitsEveryWidth("5-my-leads-phone");
    noConsoleErrors();

    // Signing out ends the session: the inbox asks for sign-in again (it answered 403 before).
    browser.findElement(By.cssSelector("#logout button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/login?logout"));
    browser.get("http://127.0.0.1:" + port + "/inbox/");
    wait.until(ExpectedConditions.urlContains("/login"));
  }

  /**
   * Nothing on the page is wider than the window, at a laptop's, a big screen's, a phone's width.
   */
  private void fitsEveryWidth(String screenshot) throws Exception {
    for (int width : new int[] {1280, 1920, 390}) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
      wait.until(
          d ->
              (Boolean)
                  ((org.openqa.selenium.JavascriptExecutor) d)
                      .executeScript(
                          "return document.documentElement.scrollWidth <= window.innerWidth"));
    }
    screenshot(screenshot);
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
  }

  @Test
  @DisplayName(
      "a manager follows the escalation mail's link to the lead's task and hands it to a colleague, who finds it in their queue")
  void managerHandsOverInBrowser() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    String owner = assigneeOf(leadId, "qualifiers");
    String colleague = "quinn".equals(owner) ? "riley" : "quinn";

    iAm("morgan");
    // The escalation mail's link: the page finds the lead's open task.
    browser.get("http://127.0.0.1:" + port + "/inbox/#/leads/" + leadId + "/task");
    wait.until(ExpectedConditions.urlContains("#/tasks/"));
    WebElement to =
        wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=hand-over-to]")));
    fitsEveryWidth("5-hand-over-phone");
    new org.openqa.selenium.support.ui.Select(to).selectByValue(colleague);
    browser
        .findElement(By.cssSelector("[data-testid=hand-over-reason]"))
        .sendKeys("Out sick today – bitte übernehmen");
    browser.findElement(By.cssSelector("[data-testid=hand-over]")).click();
    WebElement done =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=message-ok]")));
    assertThat(done.getText()).startsWith("Handed over from ").contains(" to ");

    // The lead's page says where the task is now, and the routing log why.
    browser.get("http://127.0.0.1:" + port + "/inbox/#/leads/" + leadId);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=routing]"), "bitte übernehmen"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=lead-tasks]"), "Open its task"));
    fitsEveryWidth("6-lead-after-hand-over-phone");

    iAm(colleague);
    browser.get("http://127.0.0.1:" + port + "/inbox/");
    openTaskOf(leadId);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".task-head"), "assigned to "));
    assertThat(browser.findElements(By.cssSelector("[data-testid=hand-over-panel]")))
        .as("only managers hand tasks to others")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "a task handed to a colleague while its owner has it open says so on the page at once, and"
          + " a colleague's claimed task opens to read, without a Complete button")
  void staleAndColleaguesTasks() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    String owner = assigneeOf(leadId, "qualifiers");
    String colleague = "quinn".equals(owner) ? "riley" : "quinn";
    long taskId =
        tasks.queue("qualifiers", null, 500).stream()
            .filter(t -> leadId.equals(t.leadId()))
            .findFirst()
            .orElseThrow()
            .id();

    iAm(owner);
    browser.get("http://127.0.0.1:" + port + "/inbox/");
    openTaskOf(leadId);
    tasks.handOver(
        taskId,
        new org.leadhandoff.tasks.TaskAccess(
            "morgan", java.util.Set.of(org.leadhandoff.security.AppRole.SALES_MANAGER)),
        colleague,
        "covering for a day off");
    String name = colleague.equals("quinn") ? "Quinn Okafor" : "Riley Chen";
    WebElement left =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".feedback [data-testid=message-info]")));
    assertThat(left.getText())
        .isEqualTo("This task has left your queue. It is with " + name + " now.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=complete]")).isEnabled())
        .as("nothing to complete any more")
        .isFalse();

    // The lead's new task is the colleague's: it opens to read, with who has it.
    browser.get("http://127.0.0.1:" + port + "/inbox/#/");
    openTaskOf(leadId);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=message-info]"),
            "This task is " + name + "'s: only they can complete it."));
    assertThat(browser.findElements(By.cssSelector("[data-testid=complete]"))).isEmpty();
    noCodesShown();
    noConsoleErrors();

    // The colleague gives it back to the team: the page says so, the queue shows it unowned.
    iAm(colleague);
    browser.get("http://127.0.0.1:" + port + "/inbox/");
    openTaskOf(leadId);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=unclaim]")))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=message-ok]"), "Given back to the team"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=queue-item][data-lead='" + leadId + "']"),
            "in the team queue"));
    noConsoleErrors();
  }

  @Test
  @DisplayName(
      "a manager picks two qualifiers' tasks in the queue and hands both to the team queue at once,"
          + " at phone width too")
  void managerHandsOverManyInBrowser() throws Exception {
    UUID first = process.hotLeadInQualification(leads);
    UUID second = process.hotLeadInQualification(leads);
    assigneeOf(first, "qualifiers");
    assigneeOf(second, "qualifiers");

    iAm("morgan");
    browser.get("http://127.0.0.1:" + port + "/inbox/");
    for (UUID lead : List.of(first, second)) {
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector("[data-testid=select-task][data-lead='" + lead + "']")))
          .click();
    }
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=bulk]"), "2 tasks picked"));
    fitsEveryWidth("8-hand-over-many-phone");
    browser
        .findElement(By.cssSelector("[data-testid=bulk-reason]"))
        .sendKeys("Quinn and Riley at a fair");
    browser.findElement(By.cssSelector("[data-testid=bulk-hand-over]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=bulk-result]"), "Handed over 2 of 2 tasks."));
    for (UUID lead : List.of(first, second)) {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("[data-testid=queue-item][data-lead='" + lead + "']"),
              "in the team queue"));
    }
    noCodesShown();
    noConsoleErrors();
  }

  /** What a person reads on the page: no code of the API among it, no "null" of a script. */
  private void noCodesShown() {
    assertThat(BrowserAvailable.Browser.codesShown(browser)).as("codes on the page").isEmpty();
  }

  private void noConsoleErrors() {
    assertThat(BrowserAvailable.Browser.consoleErrors(browser)).as("console errors").isEmpty();
  }

  @Test
  @DisplayName(
      "a qualifier works in German: the queue, the lead and the form in German words, no code shown, at every width")
  void qualifierWorksInGerman() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    String qualifier = assigneeOf(leadId, "qualifiers");
    iAm(qualifier);
    browser.get("http://127.0.0.1:" + port + "/inbox/?lang=de");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=signed-in]"), "(Lead-Qualifizierer)"));
    assertThat(browser.findElement(By.cssSelector("#logout button")).getText())
        .isEqualTo("Abmelden");
    openTaskOf(leadId);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=task-form]"), "Budget bestätigt"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=task-form]")).getText())
        .contains(
            "Lead telefonisch qualifizieren", "Temperatur heiß", "Qualifiziert: an den Vertrieb");
    assertThat(browser.findElement(By.cssSelector("[data-testid=lead-panel]")).getText())
        .contains("Telefon", "Zur Qualifizierung angenommen (SAL)", "Heiß")
        // Why it scored so, in German words: the country by its name, the events by theirs.
        .contains(
            "500 Beschäftigte (250-4999)",
            "Land: Vereinigtes Königreich",
            "Demo-Anfrage: 1 Ereignis")
        .doesNotContain("employees", "country GB", "demo-request");
    assertThat(browser.findElement(By.cssSelector(".task-head")).getText())
        .contains("fällig in", "zugewiesen an");
    // form-js's own word for a choice not made yet, in German too; a choice made shows its label.
    browser
        .findElement(
            By.xpath(
                "//*[@data-testid='task-form']//label[contains(., 'Disqualifiziert: wird nie"
                    + " Kunde')]"))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=task-form] .fjs-select-placeholder"), "Auswählen"));
    browser.findElement(By.cssSelector("[data-testid=task-form] .fjs-select-display")).click();
    WebElement firstReason =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=task-form] .fjs-dropdownlist-item")));
    String reason = firstReason.getText();
    firstReason.click();
    wait.until(
        ExpectedConditions.textToBe(
            By.cssSelector("[data-testid=task-form] .fjs-select-display"), reason));
    noCodesShown();
    fitsEveryWidth("7-qualification-german-phone");
    // The choice is kept: the next page opens in German without ?lang.
    browser.get("http://127.0.0.1:" + port + "/inbox/#/leads/" + leadId);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=routing]"), "zugewiesen an"));
    // Why routing chose them, in German too.
    assertThat(browser.findElement(By.cssSelector("[data-testid=routing]")).getText())
        .contains("gewählt: an der Reihe und verfügbar");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=history]"),
            "Marketing-qualifiziert (MQL) → Zur Qualifizierung angenommen (SAL)"));
    // Why it reached each stage and why routing chose whom, in German words: no English left.
    String history = browser.findElement(By.cssSelector("[data-testid=history]")).getText();
    assertThat(history)
        .contains("an die Qualifizierer übergeben (Temperatur: heiß)", "Passung ", "Punkte, Note ")
        .doesNotContain("handed to", "points", "grade");
    assertThat(browser.findElement(By.cssSelector("[data-testid=routing]")).getText())
        .contains("der Reihe nach unter den Qualifizierern (Land: ")
        .doesNotContain("round robin", "covering");
    noCodesShown();
    noConsoleErrors();
  }
}
