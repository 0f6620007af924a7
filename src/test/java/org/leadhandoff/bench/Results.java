package org.leadhandoff.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A benchmark's figures as JSON under target/bench/, so that runs can be compared. */
final class Results {

  private Results() {}

  static void write(String name, Object results) throws IOException {
    Path out = Path.of("target/bench/" + name + ".json");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.out.println("Written to " + out);
  }
}
