package org.leadhandoff.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded default keeps leads, uploaded files and first passwords on the local disk: their
 * folders are made readable by the application's user only (rwx------), so other users of the
 * machine can open none of the files in them, whatever mode a file was created with.
 */
@Component
class OwnerOnlyFiles implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);
  private static final String H2_FILE = "jdbc:h2:file:";

  private final Environment environment;

  OwnerOnlyFiles(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    List<Path> folders = new ArrayList<>();
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.startsWith(H2_FILE)) {
      String file = url.substring(H2_FILE.length()).split(";", 2)[0];
      folders.add(Path.of(file).toAbsolutePath().getParent());
    }
    folders.add(
        Path.of(environment.getProperty("lead-handoff.imports.directory", "./data/imports")));
    for (Path folder : folders) {
      restrict(folder.toAbsolutePath().normalize());
    }
  }

  private static void restrict(Path folder) {
    try {
      Files.createDirectories(folder);
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the user's profile protects it.
    } catch (IOException e) {
      log.warn("Could not make {} readable by this user only: {}", folder, e.getMessage());
    }
  }
}
