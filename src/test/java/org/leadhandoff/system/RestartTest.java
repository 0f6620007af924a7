package org.leadhandoff.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadhandoff.LeadHandoffApplication;
import org.leadhandoff.intake.LeadCaptureService;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.support.OwnEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default run: embedded engine and the H2 file store; leads survive a restart. */
@org.junit.jupiter.api.extension.ExtendWith(
    org.springframework.boot.test.system.OutputCaptureExtension.class)
@OwnEngine
class RestartTest {

  @TempDir Path dataDir;

  @Test
  @DisplayName(
      "stopping and starting the application keeps the lead store's data; the generated first"
          + " passwords, one of its own for the admin and each demo user, are in an owner-only"
          + " file and never in the log; an upload cut off by a crash is removed at start")
  void leadStoreSurvivesRestart(org.springframework.boot.test.system.CapturedOutput output)
      throws Exception {
    var leadId =
        withApplication(
            app ->
                app.getBean(LeadCaptureService.class)
                    .capture(LeadContact.ofEmail("restart@example.com"), "test")
                    .leadId());

    // An upload cut off by the crash of an earlier run: the start removes it.
    Path partial = dataDir.resolve("imports/0b6c7f0e-cut-off.csv.part");
    java.nio.file.Files.createDirectories(partial.getParent());
    java.nio.file.Files.writeString(partial, "email\ncut@off.example\n");
    withApplication(
        app -> {
          assertThat(partial).doesNotExist();
          LeadStore store = app.getBean(LeadStore.class);
          assertThat(store.findByEmail("restart@example.com"))
              .hasValueSatisfying(lead -> assertThat(lead.id()).isEqualTo(leadId));
          assertThat(store.history(leadId))
              .first()
              .extracting(c -> c.toStage())
              .isEqualTo(Stage.NAME);
          return null;
        });
    assertThat(dataDir.resolve("lead-handoff.mv.db"))
        .as("the store is the file under test")
        .exists();
    // Leads, uploads and passwords: folders only the application's user can open.
    for (Path folder : java.util.List.of(dataDir, dataDir.resolve("imports"))) {
      assertThat(java.nio.file.Files.getPosixFilePermissions(folder))
          .as(folder.toString())
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
              java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    }
    Path passwordFile = dataDir.resolve("initial-password");
    // A line "user password" for each first user: the admin and every demo user, each its own.
    java.util.Map<String, String> passwords =
        java.nio.file.Files.readAllLines(passwordFile).stream()
            .map(line -> line.split(" "))
            .collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p[1]));
    assertThat(passwords).containsKeys("admin", "quinn", "riley", "sam", "manager", "marketing");
    assertThat(passwords.values()).allSatisfy(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(20));
    assertThat(passwords.values()).doesNotHaveDuplicates();
    assertThat(java.nio.file.Files.getPosixFilePermissions(passwordFile))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(output.getAll()).contains(passwordFile.toString());
    for (String password : passwords.values()) {
      assertThat(output.getAll()).doesNotContain(password);
    }
  }

  private <T> T withApplication(
      java.util.function.Function<ConfigurableApplicationContext, T> use) {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(LeadHandoffApplication.class)
            .run(
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("lead-handoff"),
                "--server.port=0",
                "--lead-handoff.engine.embedded.port=0",
                "--lead-handoff.imports.directory=" + dataDir.resolve("imports"),
                // No password given: the first one is generated into the data directory.
                "--lead-handoff.security.initial-password-file="
                    + dataDir.resolve("initial-password"))) {
      return use.apply(app);
    }
  }
}
