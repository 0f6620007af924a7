package org.leadhandoff.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.BrowserAvailable;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.OwnEngine;
import org.leadhandoff.support.TestWaits;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Marketing imports a trade show's badge-scanner export on /imports/ in Chromium: a file whose
 * email column no tool names, saved by Excel in Windows-1252 with semicolons.
 */
@BrowserAvailable
// An application of its own: in the shared one, MockMvc's csrf() has swapped the CSRF token
// repository for a session one, so a real browser there gets no XSRF-TOKEN cookie. Its engine
// stops with the class (two busy in-memory engines in one JVM garble each other's job batches).
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:import-page-browser-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@OwnEngine
class ImportPageBrowserTest {

  @LocalServerPort int port;
  @Autowired LeadStore store;

  private WebDriver browser;
  private WebDriverWait wait;
  private Path downloads;

  @BeforeEach
  void open() throws Exception {
    browser = BrowserAvailable.Browser.open("imports");
    downloads = BrowserAvailable.Browser.downloads("imports");
    try (Stream<Path> old = Files.list(downloads)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    // The preview table is drawn again after each change of a column.
    wait = new WebDriverWait(browser, TestWaits.CEILING);
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  /** Waits until the preview reads the column as {@code target}. */
  private void readsAs(String column, String target) {
    visible("tr[data-column='" + column + "'][data-read-as='" + target + "']");
  }

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      Files.write(
          Path.of("target/e2e/imports.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  private WebElement visible(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  private Select readAs(String column) {
    return new Select(visible("select[data-column='" + column + "']"));
  }

  @Test
  @DisplayName(
      "marketing previews a scanner export, maps its email column, imports with consent given,"
          + " saves the mapping, watches it finish and downloads the report; the page fits a phone")
  void mapImportAndDownloadTheReport() throws Exception {
    String lea = LeadFixtures.unique("lea", "baeckerei.example");
    String zoe = LeadFixtures.unique("zoe", "nordic.example");
    Path file = Files.createTempFile("messe-köln-", ".csv");
    Files.writeString(
        file,
        """
        Kontakt;Vorname;Nachname;Firma;Land;Stand
        %s;Léa;Müller;Bäckerei Groß GmbH;Deutschland;B12
        kein-email;Jörg;Ölund;;Österreich;B12
        %s;Zoë;Dupré;Nordic AB;Atlantis;C3
        """
            .formatted(lea, zoe),
        Charset.forName("windows-1252"));

    String base = "http://localhost:" + port;
    BrowserAvailable.Browser.signIn(browser, base, "marketing");
    browser.get(base + "/imports/?lang=en");
    visible("[data-testid=file]").sendKeys(file.toAbsolutePath().toString());
    WebElement source = visible("[data-testid=source]");
    source.clear();
    source.sendKeys("messe-koeln");
    new Select(visible("[data-testid=consent]")).selectByValue("true");
    visible("[data-testid=preview-button]").click();

    // Nothing names the email column: the page says so and will not start.
    assertThat(visible("[data-testid=preview-problem]").getText())
        .startsWith("The header has no email column");
    assertThat(visible("[data-testid=start]").isEnabled()).isFalse();
    assertThat(readAs("Vorname").getFirstSelectedOption().getText()).isEqualTo("First name");
    assertThat(visible("tr[data-column='Firma'] .values").getText())
        .isEqualTo("Bäckerei Groß GmbH · Nordic AB");

    readAs("Kontakt").selectByValue("email");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview-problem")));
    readsAs("Kontakt", "email");
    // The table was drawn again; the keyboard stays on the column being mapped.
    wait.until(
        d ->
            "Kontakt"
                .equals(
                    ((JavascriptExecutor) d)
                        .executeScript("return document.activeElement.dataset.column")));
    readAs("Stand").selectByValue("attr:stand");
    readsAs("Stand", "attr:stand");
    List<WebElement> sample = browser.findElements(By.cssSelector("[data-testid=sample-row]"));
    assertThat(sample).hasSize(3);
    assertThat(sample.get(1).getText()).contains("Rejected", "Kontakt: must be an email address");
    assertThat(sample.get(2).getText()).contains("'Atlantis' is no country we know");
    assertThat(sample.get(0).getText())
        .as("the row as it will be stored")
        .contains("Country: Germany", "stand: B12", "Consent: given");

    visible("[data-testid=save-mapping]").click();
    visible("[data-testid=start]").click();
    visible("[data-testid=progress][data-state=DONE]");
    assertThat(visible("[data-testid=count-created] strong").getText()).isEqualTo("2");
    assertThat(visible("[data-testid=count-rejected] strong").getText()).isEqualTo("1");
    assertThat(visible("[data-testid=count-warnings] strong").getText()).isEqualTo("1");
    wait.until(d -> d.findElements(By.cssSelector("[data-testid=report-row]")).size() == 2);

    visible("[data-testid=report-csv]").click();
    Path report =
        wait.until(
            d -> {
              try (Stream<Path> files = Files.list(downloads)) {
                return files
                    .filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .findFirst()
                    .orElse(null);
              } catch (java.io.IOException e) {
                return null;
              }
            });
    String csv = Files.readString(report);
    // As the page's link asks for it: for a person's spreadsheet, in the page's language.
    assertThat(csv).startsWith("\uFEFFLine,Column,Kind,Reason");
    assertThat(csv)
        .contains("3,Kontakt,Rejected,must be an email address like name@company.com")
        .contains(
            "4,Land,\"Imported, value left out\",'Atlantis' is no country we know; imported"
                + " without a country");

    Lead imported = store.findByEmail(lea).orElseThrow();
    assertThat(imported.contact().lastName()).isEqualTo("Müller");
    assertThat(imported.contact().country()).isEqualTo("DE");
    assertThat(imported.contact().attributes()).containsEntry("stand", "B12");
    assertThat(imported.contact().consent()).isTrue();

    // The list of recent imports names the file and who started it.
    visible("#history[data-loaded]");
    assertThat(visible("[data-testid=import-row]").getText()).contains("messe-koeln", "marketing");

    // The next file of the source: its saved mapping is used without mapping again.
    browser.get(base + "/imports/?lang=en");
    visible("[data-testid=file]").sendKeys(file.toAbsolutePath().toString());
    WebElement again = visible("[data-testid=source]");
    again.clear();
    again.sendKeys("messe-koeln");
    visible("[data-testid=preview-button]").click();
    readsAs("Kontakt", "email");
    assertThat(browser.findElement(By.id("preview-notes")).getText())
        .contains("the mapping saved for this source is used");

    // A phone: nothing wider than the screen.
    browser.manage().window().setSize(new Dimension(390, 844));
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.documentElement.scrollWidth <= window.innerWidth"));
  }

  @Test
  @DisplayName(
      "marketing imports a file in German: fields, outcomes, the job's state and its counts in"
          + " words, no code on the page, no console error, no sideways scroll at three widths")
  void marketingImportsInGerman() throws Exception {
    String anna = LeadFixtures.unique("anna", "soehne.example");
    Path file = Files.createTempFile("kundenliste-", ".csv");
    Files.writeString(
        file,
        """
        E-Mail;Vorname;Nachname;Firma;Land;Mitarbeiter
        %s;Anna;Weiß;Müller & Söhne KG;Deutschland;1250
        keine-adresse;Jörg;Ölund;;Österreich;10
        """
            .formatted(anna));

    String base = "http://localhost:" + port;
    BrowserAvailable.Browser.signIn(browser, base, "marketing");
    browser.get(base + "/imports/?lang=de");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=signed-in]"), "Marketing"));
    // The account is named after the role: said once, not "marketing (Marketing)".
    assertThat(visible("[data-testid=signed-in]").getText()).isEqualTo("Marketing");
    assertThat(visible("[data-testid=preview-button]").getText()).isEqualTo("Vorschau");
    assertThat(browser.getTitle()).isEqualTo("Lead Handoff · Importe");
    visible("[data-testid=file]").sendKeys(file.toAbsolutePath().toString());
    WebElement source = visible("[data-testid=source]");
    // A German marketer's source, umlaut and all, is a source the page accepts; its example is
    // German too.
    assertThat(source.getAttribute("placeholder")).isEqualTo("messe-koeln-2026");
    source.clear();
    source.sendKeys("Messe Köln 2026");
    assertThat(
            (Boolean)
                ((JavascriptExecutor) browser)
                    .executeScript("return arguments[0].checkValidity()", source))
        .as("'Messe Köln 2026' as a source")
        .isTrue();
    source.clear();
    source.sendKeys("kundenliste");
    new Select(visible("[data-testid=consent]")).selectByValue("true");
    visible("[data-testid=preview-button]").click();

    readsAs("E-Mail", "email");
    assertThat(readAs("Vorname").getFirstSelectedOption().getText()).isEqualTo("Vorname");
    assertThat(visible("tr[data-column='Vorname'] .how").getText())
        .isEqualTo("an ihrem Namen erkannt");
    assertThat(readAs("Mitarbeiter").getFirstSelectedOption().getText())
        .isEqualTo("Mitarbeiterzahl");
    List<WebElement> sample = browser.findElements(By.cssSelector("[data-testid=sample-row]"));
    assertThat(sample).hasSize(2);
    assertThat(sample.get(0).getText())
        .contains("Neuer Lead", "Land: Deutschland", "Mitarbeiterzahl: 1.250")
        .contains("Einwilligung: erteilt");
    assertThat(sample.get(1).getText())
        .contains("Abgelehnt", "E-Mail: muss eine E-Mail-Adresse sein wie name@firma.de");
    // How the file is read, in the page's language too: the server writes it so.
    assertThat(visible("#preview-notes").getText())
        .contains("gelesen als UTF-8, Spalten getrennt durch Semikolons");
    assertThat(visible("[data-testid=start]").getText()).isEqualTo("2 Zeilen importieren");
    assertThat(visible("#save-label").getText())
        .isEqualTo("Diese Zuordnung für die Quelle kundenliste speichern");
    fitsEveryWidth("imports-de-preview");

    visible("[data-testid=start]").click();
    visible("[data-testid=progress][data-state=DONE]");
    assertThat(visible("[data-testid=progress-state]").getText())
        .isEqualTo("Fertig: 2 von 2 Zeilen gelesen");
    assertThat(visible("[data-testid=count-created]").getText()).isEqualTo("1 neuer Lead");
    assertThat(visible("[data-testid=count-rejected]").getText()).isEqualTo("1 Zeile abgelehnt");
    assertThat(visible("[data-testid=count-warnings]").getText()).isEqualTo("0 Warnungen");
    assertThat(visible("[data-testid=report] thead").getText()).contains("Zeile", "Grund");
    assertThat(visible("[data-testid=report-row]").getText())
        .contains("Abgelehnt", "muss eine E-Mail-Adresse sein wie name@firma.de");
    assertThat(visible("#progress-notes").getText())
        .contains(
            "Einwilligung von Zeilen ohne Angabe dazu (weder Einwilligung noch Abmeldung):"
                + " erteilt");

    // The list of recent imports: this one, done, in words.
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=imports] tbody"), "kundenliste"));
    WebElement row =
        browser.findElements(By.cssSelector("[data-testid=import-row]")).stream()
            .filter(r -> r.getText().contains("kundenliste"))
            .findFirst()
            .orElseThrow();
    assertThat(row.findElement(By.cssSelector("[data-state]")).getText()).isEqualTo("Fertig");
    assertThat(store.findByEmail(anna)).isPresent();
    fitsEveryWidth("imports-de-done");
    assertThat(BrowserAvailable.Browser.consoleErrors(browser)).as("console errors").isEmpty();
  }

  /**
   * At a phone's, a laptop's and a wide screen's width: no sideways scroll, no code on the page.
   */
  private void fitsEveryWidth(String screenshot) throws Exception {
    for (int width : List.of(390, 1280, 1920)) {
      browser.manage().window().setSize(new Dimension(width, 900));
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
    browser.manage().window().setSize(new Dimension(1400, 1000));
  }
}
