package org.leadhandoff.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files as marketing teams have them: other encodings and delimiters, report footers, and files
 * that cannot be read at all, which fail with a reason and never hold up the next import.
 */
@EmbeddedEngineTest
class ImportFilesTest {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @Autowired MockMvc mvc;
  @Autowired LeadStore store;
  @Autowired ObjectMapper json;
  @Autowired ImportStore imports;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired ImportProperties properties;

  private ImportStatus statusOf(UUID importId) throws Exception {
    return ImportRequests.statusOf(mvc, json, importId);
  }

  private ImportStatus awaitFinished(UUID importId) {
    return await()
        .atMost(ProcessTestSupport.WAIT)
        .until(
            () -> statusOf(importId),
            s ->
                s.state() == ImportState.DONE
                    || s.state() == ImportState.FAILED
                    || s.state() == ImportState.CANCELLED);
  }

  private UUID upload(String name, byte[] bytes) throws Exception {
    return ImportRequests.upload(mvc, json, name, bytes);
  }

  private Lead lead(String email) {
    return store.findByEmail(email).orElseThrow();
  }

  @Test
  @DisplayName(
      "Excel's European CSV (Windows-1252, semicolons), a UTF-8 file with a byte order mark and Excel's Unicode text (UTF-16, tabs), also without its byte order mark, import with their accents")
  void encodingsAndDelimiters() throws Exception {
    String muller = LeadFixtures.unique("muller", "bigco.example");
    String csvEurope =
        "E-Mail;First Name;Last Name;Company\r\n" + muller + ";Jürgen;Müller;Café Größe GmbH\r\n";
    String bom = LeadFixtures.unique("bom", "bigco.example");
    byte[] utf8WithBom =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            ("Email,First Name,Last Name,Company\n" + bom + ",Zoë,Ångström,Ørsted A/S\n")
                .getBytes(StandardCharsets.UTF_8));
    String utf16 = LeadFixtures.unique("utf16", "bigco.example");
    byte[] excelUnicode =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            ("Email\tFirst Name\tCompany\r\n" + utf16 + "\tŁukasz\tŻabka Polska\r\n")
                .getBytes(StandardCharsets.UTF_16LE));

    // The same saved by a script without the byte order mark.
    String noMark = LeadFixtures.unique("nomark", "bigco.example");
    byte[] utf16WithoutMark =
        ("Email,First Name,Company\r\n" + noMark + ",Łukasz,Żabka Polska\r\n")
            .getBytes(StandardCharsets.UTF_16LE);

    ImportStatus europe = awaitFinished(upload("europe.csv", csvEurope.getBytes(WINDOWS_1252)));
    ImportStatus withBom = awaitFinished(upload("bom.csv", utf8WithBom));
    ImportStatus unicode = awaitFinished(upload("unicode.txt", excelUnicode));

    assertThat(europe.state()).isEqualTo(ImportState.DONE);
    assertThat(europe.created()).isEqualTo(1);
    assertThat(europe.notes()).contains("read as windows-1252, columns separated by semicolons");
    assertThat(lead(muller).contact().company()).isEqualTo("Café Größe GmbH");
    assertThat(withBom.created()).isEqualTo(1);
    assertThat(lead(bom).contact().firstName()).isEqualTo("Zoë");
    assertThat(lead(bom).contact().company()).isEqualTo("Ørsted A/S");
    assertThat(unicode.created()).isEqualTo(1);
    assertThat(unicode.notes()).contains("read as UTF-16LE, columns separated by tabs");
    assertThat(lead(utf16).contact().firstName()).isEqualTo("Łukasz");
    ImportStatus unmarked = awaitFinished(upload("nomark.csv", utf16WithoutMark));
    assertThat(unmarked.created()).isEqualTo(1);
    assertThat(unmarked.notes()).contains("read as UTF-16LE, columns separated by commas");
    assertThat(lead(noMark).contact().company()).isEqualTo("Żabka Polska");
  }

  @Test
  @DisplayName(
      "a HubSpot contacts export and a Salesforce lead report: exact counts, countries, companies, sizes, one source and one industry name whatever the CRM's spelling")
  void crmExports() throws Exception {
    String ada = LeadFixtures.unique("ada", "bigco.example");
    String jo = LeadFixtures.unique("jo", "bigco.example");
    String kim = LeadFixtures.unique("kim", "bigco.example");
    String hubspot =
        "Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Country/Region,"
            + "Industry,Number of Employees,Original Source,Marketing contact status,E-Mail\n"
            + "1,Ada,Lovelace,"
            + ada
            + ",+44 20 7946 0000,BigCo,CTO,United Kingdom,Computer Software,\"1,200\",Trade Show,Marketing contact,\n"
            + "2,Jo,Bloggs,"
            + jo
            + ",,Widgets GmbH,Head of IT,Deutschland,Information Technology & Services,"
            + "51-200 employees,Webinar,Marketing contact,jo.other@bigco.example\n"
            + "3,Nobody,Here,not-an-email,,X,,,,,,,\n";
    String salesforce =
        "\"First Name\",\"Last Name\",\"Title\",\"Company / Account\",\"Email\",\"Lead Source\","
            + "\"Country\",\"No. of Employees\",\"Email Opt Out\"\n"
            + "\"Kim\",\"Lee\",\"VP Sales\",\"Acme Inc.\",\""
            + kim
            + "\",\"Partner Referral\",\"USA\",\"10,001+\",\"1\"\n"
            + "\"Ada\",\"Lovelace\",\"CTO\",\"BigCo Ltd\",\""
            + ada
            + "\",\"trade-show\",\"Atlantis\",\"many\",\"0\"\n"
            + "\n\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n"
            + "\"Generated By:  Jane Doe  12/2/2026, 10:15 AM\"\n"
            // The company's line, its comma left unquoted by a spreadsheet that saved it again.
            + "Acme Corporation, Inc.\n";

    ImportStatus fromHubSpot = awaitFinished(upload("hubspot-contacts.csv", hubspot.getBytes()));
    ImportStatus fromSalesforce = awaitFinished(upload("report.csv", salesforce.getBytes()));

    assertThat(fromHubSpot.state()).isEqualTo(ImportState.DONE);
    assertThat(fromHubSpot.created()).isEqualTo(2);
    assertThat(fromHubSpot.rejected()).isEqualTo(1);
    assertThat(fromHubSpot.ignoredColumns())
        .containsExactly("Record ID", "Marketing contact status", "E-Mail");
    assertThat(fromHubSpot.notes())
        .contains(
            "the columns \"Email\" and \"E-Mail\" both mean Email: \"Email\" is read, the other"
                + " left out");
    var adaLead = lead(ada).contact();
    assertThat(adaLead.country()).isEqualTo("GB");
    assertThat(adaLead.companySize()).isEqualTo(1200);
    assertThat(adaLead.industry()).isEqualTo("software");
    assertThat(adaLead.source()).isEqualTo("trade-show");
    var joLead = lead(jo).contact();
    assertThat(joLead.country()).isEqualTo("DE");
    assertThat(joLead.company()).isEqualTo("Widgets GmbH");
    assertThat(joLead.companySize()).isEqualTo(125);
    assertThat(joLead.industry()).isEqualTo("software");
    assertThat(joLead.source()).isEqualTo("webinar");

    assertThat(fromSalesforce.state()).isEqualTo(ImportState.DONE);
    assertThat(fromSalesforce.created()).isEqualTo(1);
    assertThat(fromSalesforce.merged()).isEqualTo(1);
    assertThat(fromSalesforce.rejected()).isZero();
    assertThat(fromSalesforce.warnings())
        .extracting(ImportStatus.RejectedRow::field)
        .containsExactlyInAnyOrder("Country", "No. of Employees", "Company / Account");
    var kimLead = lead(kim).contact();
    assertThat(kimLead.company()).isEqualTo("Acme Inc.");
    assertThat(kimLead.country()).isEqualTo("US");
    assertThat(kimLead.companySize()).isEqualTo(10_001);
    assertThat(kimLead.source()).isEqualTo("partner");
    assertThat(kimLead.consent()).isFalse();
    // The merged row fills what Ada's lead left empty and changes nothing she has: her company is
    // kept (and the row warned), her country and size too.
    adaLead = lead(ada).contact();
    assertThat(adaLead.company()).isEqualTo("BigCo");
    assertThat(adaLead.country()).isEqualTo("GB");
    assertThat(adaLead.companySize()).isEqualTo(1200);
    assertThat(adaLead.consent()).isTrue();
  }

  @Test
  @DisplayName(
      "the same email twice in one file: the later row fills what the earlier left empty, another person's name is reported and not taken")
  void duplicateInOneFile() throws Exception {
    String shared = LeadFixtures.unique("info", "bigco.example");
    String csv =
        "email,first name,last name,company,title,phone\n"
            + shared
            + ",Ada,Lovelace,BigCo,,\n"
            + shared.toUpperCase()
            + ",Eve,Smith,BigCo,CTO,+44 20 7946 0000\n";

    ImportStatus status = awaitFinished(upload("dupes.csv", csv.getBytes()));

    assertThat(status.created()).isEqualTo(1);
    assertThat(status.merged()).isEqualTo(1);
    assertThat(status.warnings())
        .extracting(ImportStatus.RejectedRow::line, ImportStatus.RejectedRow::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(3, "first name"),
            org.assertj.core.groups.Tuple.tuple(3, "last name"));
    assertThat(status.warnings().getFirst().reason()).doesNotContain("Eve").doesNotContain("Ada");
    var contact = lead(shared).contact();
    assertThat(contact.firstName()).isEqualTo("Ada");
    assertThat(contact.lastName()).isEqualTo("Lovelace");
    assertThat(contact.title()).isEqualTo("CTO");
    assertThat(contact.phone()).isEqualTo("+44 20 7946 0000");
  }

  @Test
  @DisplayName(
      "an Excel workbook is imported from its first sheet: numbers as numbers, short rows padded, an 1997-2003 .xls refused with what to do")
  void excelWorkbook() throws Exception {
    String ada = LeadFixtures.unique("xlsx", "bigco.example");
    String bob = LeadFixtures.unique("xlsx", "midco.example");
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    Workbook book = new Workbook(xlsx, "LeadHandoffTest", "1.0");
    Worksheet sheet = book.newWorksheet("Contacts");
    String[] header = {
      "Email", "First Name", "Company Name", "Number of Employees", "Country/Region"
    };
    for (int c = 0; c < header.length; c++) {
      sheet.value(0, c, header[c]);
    }
    sheet.value(1, 0, ada);
    sheet.value(1, 1, "Åsa");
    sheet.value(1, 2, "BigCo");
    sheet.value(1, 3, 1200);
    sheet.value(1, 4, "Sweden");
    // Excel writes no cells after the last filled one.
    sheet.value(2, 0, bob);
    sheet.value(2, 1, "Bob");
    book.finish();

    ImportStatus status = awaitFinished(upload("contacts.xlsx", xlsx.toByteArray()));
    ImportStatus old =
        awaitFinished(
            upload("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}));

    assertThat(status.state()).isEqualTo(ImportState.DONE);
    assertThat(status.created()).isEqualTo(2);
    assertThat(status.notes()).contains("read from the workbook's first sheet");
    var contact = lead(ada).contact();
    assertThat(contact.firstName()).isEqualTo("Åsa");
    assertThat(contact.companySize()).isEqualTo(1200);
    assertThat(contact.country()).isEqualTo("SE");
    assertThat(lead(bob).contact().company()).isNull();
    assertThat(old.error()).startsWith("This is an Excel 97-2003 workbook (.xls)");
    assertThat(properties.directory()).isDirectoryNotContaining("glob:**.sheet.csv");
  }

  @Test
  @DisplayName(
      "a value of 100,000 characters costs the row only that value (a warning with the limit); the"
          + " import finishes and the next one runs")
  void veryLongValue() throws Exception {
    String good = LeadFixtures.unique("after-long", "bigco.example");
    String csv =
        "Email,First Name\n\nlong@bigco.example," + "A".repeat(100_000) + "\n" + good + ",Ok\n";

    ImportStatus status = awaitFinished(upload("long.csv", csv.getBytes()));

    assertThat(status.state()).isEqualTo(ImportState.DONE);
    assertThat(status.rejected()).isZero();
    assertThat(status.created()).isEqualTo(2);
    assertThat(status.warnings())
        .containsExactly(
            new ImportStatus.RejectedRow(
                3, "First Name", "must be at most 200 characters; imported without it"));
    assertThat(lead("long@bigco.example").contact().firstName()).isNull();
    assertThat(lead(good).contact().firstName()).isEqualTo("Ok");
  }

  @Test
  @DisplayName(
      "a binary file, a broken workbook, an unclosed quote, a column named twice and a header without rows fail with a reason; the good file sent after them is imported")
  void poisonedFilesFailAndBlockNothing() throws Exception {
    UUID binary = upload("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
    UUID workbook = upload("leads.xlsx", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
    UUID quote =
        upload(
            "quote.csv",
            "email,company\na@bigco.example,\"BigCo\nb@bigco.example,Other\n"
                .getBytes(StandardCharsets.UTF_8));
    UUID twice =
        upload(
            "twice.csv",
            "Email,Company,email\na@bigco.example,BigCo,b@bigco.example\n"
                .getBytes(StandardCharsets.UTF_8));
    UUID headerOnly = upload("header.csv", "email,company\n".getBytes(StandardCharsets.UTF_8));
    String good = LeadFixtures.unique("good", "bigco.example");
    UUID fine = upload("good.csv", ("email,company\n" + good + ",GoodCo\n").getBytes());

    ImportStatus imported = awaitFinished(fine);

    assertThat(imported.state()).isEqualTo(ImportState.DONE);
    assertThat(lead(good).contact().company()).isEqualTo("GoodCo");
    assertThat(awaitFinished(binary).error()).startsWith("This is not a text file");
    assertThat(awaitFinished(workbook).error())
        .startsWith("This is a ZIP archive that Excel cannot open as a workbook (.xlsx)");
    assertThat(awaitFinished(quote).error())
        .isEqualTo(
            "The file cannot be read as CSV from line 2 on: a quoted value is never closed (a \""
                + " without its partner). Fix that line and import the file again; no row of it"
                + " was imported.");
    assertThat(store.findByEmail("a@bigco.example")).isEmpty();
    assertThat(awaitFinished(twice).error())
        .isEqualTo(
            "The header names the column \"email\" twice (columns 1 and 3): rename or remove one"
                + " of them and import the file again.");
    assertThat(awaitFinished(headerOnly).error())
        .isEqualTo(
            "The file has a header but no rows: nothing to import. Export the list again with its"
                + " rows.");
    for (UUID failed : new UUID[] {binary, workbook, quote, twice, headerOnly}) {
      assertThat(statusOf(failed).state()).isEqualTo(ImportState.FAILED);
    }
  }

  @Test
  @DisplayName(
      "a CRM report's footer after the data is skipped, not rejected; a one-value line between rows is still a row")
  void reportFooter() throws Exception {
    String first = LeadFixtures.unique("sf1", "bigco.example");
    String second = LeadFixtures.unique("sf2", "bigco.example");
    String report =
        "\"Email\",\"First Name\",\"Company / Account\"\n"
            + "\""
            + first
            + "\",\"Ada\",\"BigCo\"\n"
            + "\"oops\"\n"
            + "\""
            + second
            + "\",\"Grace\",\"Navy\"\n"
            + "\n"
            + "\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n"
            + "\"Confidential Information - Do Not Distribute\"\n"
            + "\"Generated By:  Jane Doe  12/2/2026, 10:15 AM\"\n"
            + "\"Acme Inc.\"\n";

    ImportStatus status = awaitFinished(upload("report.csv", report.getBytes()));

    assertThat(status.state()).isEqualTo(ImportState.DONE);
    assertThat(status.rowsTotal()).isEqualTo(3);
    assertThat(status.created()).isEqualTo(2);
    assertThat(status.rejected()).isEqualTo(1);
    assertThat(status.errors()).extracting(ImportStatus.RejectedRow::line).containsOnly(3);
    assertThat(status.notes())
        .contains("skipped the last 4 lines: they are no rows but a report footer");
  }

  @Test
  @DisplayName(
      "a queued import can be cancelled and its file goes at once; a running one stops at its next batch, whose rows are not imported; a finished one cannot be")
  void cancel() throws Exception {
    StringBuilder big = new StringBuilder("email\n");
    String prefix = "cancel." + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 1200; i++) {
      big.append(prefix).append(".").append(i).append("@bigco.example\n");
    }
    UUID running = upload("big.csv", big.toString().getBytes());
    // Hold the running import's row: the runner waits on it, so the next import stays queued.
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () ->
                transaction.executeWithoutResult(
                    tx -> {
                      jdbc.sql("select id from lead_import where id = ? for update")
                          .param(running)
                          .query(UUID.class)
                          .single();
                      locked.countDown();
                      waitFor(release);
                      // Cancelled in the transaction that holds the row, as a person would while
                      // the runner is in the middle of a batch.
                      try {
                        mvc.perform(post("/api/imports/" + running + "/cancel"))
                            .andExpect(status().isOk())
                            .andExpect(jsonPath("$.state").value("CANCELLED"));
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    }));
    assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
    UUID queued = upload("queued.csv", "email\nq@bigco.example\n".getBytes());
    Path runningFile = ImportRunner.workingCopy(properties.directory(), running);
    assertThat(uploadChunks(queued)).as("the upload is in the store until it is imported").isOne();

    mvc.perform(post("/api/imports/" + queued + "/cancel"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("CANCELLED"));
    assertThat(uploadChunks(queued)).as("a cancelled import's file goes at once").isZero();
    release.countDown();
    holder.get(30, TimeUnit.SECONDS);

    ImportStatus stopped = awaitFinished(running);
    assertThat(stopped.state()).isEqualTo(ImportState.CANCELLED);
    assertThat(stopped.rowsProcessed()).isLessThan(1200);
    // The batch read while the import was cancelled rolled back: only checkpointed rows are leads.
    long leads =
        jdbc.sql("select count(*) from lead where email like ?")
            .param(prefix + ".%")
            .query(Long.class)
            .single();
    assertThat(leads).isEqualTo(stopped.created());
    assertThat(runningFile).doesNotExist();
    assertThat(uploadChunks(running)).isZero();
    assertThat(store.findByEmail("q@bigco.example")).isEmpty();
    mvc.perform(post("/api/imports/" + running + "/cancel"))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "Import "
                        + running
                        + " is CANCELLED; only a queued or running import can be cancelled."));
  }

  private long uploadChunks(UUID importId) {
    return jdbc.sql("select count(*) from lead_import_chunk where import_id = ?")
        .param(importId)
        .query(Long.class)
        .single();
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  @Test
  @DisplayName(
      "a small file sent just after a big one does not wait for all of it: imports take turns by"
          + " batch, and both end with every row")
  void smallFileTakesItsTurn() throws Exception {
    StringBuilder big = new StringBuilder("Email,First Name\n");
    for (int i = 0; i < 2000; i++) {
      big.append(LeadFixtures.unique("bulk" + i, "bigco.example")).append(",Bulk\n");
    }
    String hot = LeadFixtures.unique("hot", "smallco.example");
    UUID bigId = upload("big.csv", big.toString().getBytes());
    UUID smallId = upload("small.csv", ("Email\n" + hot + "\n").getBytes());

    ImportStatus small = awaitFinished(smallId);
    ImportStatus bigDone = awaitFinished(bigId);
    assertThat(small.created()).isEqualTo(1);
    assertThat(bigDone.created()).isEqualTo(2000);
    assertThat(small.finishedAt()).isBefore(bigDone.finishedAt());
  }

  @Test
  @DisplayName(
      "Excel's \"sep=;\" line before the header names the delimiter and is no row; the report's"
          + " lines are the file's")
  void excelSepLine() throws Exception {
    String ada = LeadFixtures.unique("ada", "bigco.example");
    String csv =
        "sep=;\r\nEmail;First Name;Company\r\n" + ada + ";Ada;BigCo, Ltd\r\nnope;Bob;X\r\n";

    ImportStatus status = awaitFinished(upload("excel.csv", csv.getBytes()));

    assertThat(status.state()).isEqualTo(ImportState.DONE);
    assertThat(List.of(status.created(), status.rejected())).containsExactly(1, 1);
    assertThat(status.notes().getFirst()).contains("semicolons (as its \"sep=\" line says)");
    assertThat(status.errors().getFirst().line()).isEqualTo(4);
    assertThat(lead(ada).contact().company()).isEqualTo("BigCo, Ltd");
  }
}
