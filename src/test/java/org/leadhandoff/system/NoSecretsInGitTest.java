package org.leadhandoff.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What git holds: no private keys, no API keys of ours, and no password, secret or token written
 * into configuration; configuration takes them from the environment ({@code ${...}}). The test
 * fixtures in application-test.yaml are the one allowed exception, named as such there.
 */
class NoSecretsInGitTest {

  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
  private static final Pattern OUR_API_KEY = Pattern.compile("lh_[a-z2-9]{8}_[A-Za-z0-9_-]{40,}");
  private static final Pattern CLOUD_KEY = Pattern.compile("AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}");
  private static final Pattern SECRET_SETTING =
      Pattern.compile(
          "(?i)^\\s*[\\w.-]*(password|secret|token|client-secret|api-key)[\\w.-]*\\s*[:=]\\s*(.+)$");
  private static final Set<String> CONFIGURATION = Set.of("yaml", "yml", "properties", "env");
  private static final Set<String> FIXTURES = Set.of("src/test/resources/application-test.yaml");

  @Test
  @DisplayName("no private key, API key or literal password in any file git tracks")
  void nothingSecretTracked() throws Exception {
    List<String> files = tracked();
    assumeTrue(!files.isEmpty(), "not a git checkout");
    List<String> findings = new ArrayList<>();
    for (String file : files) {
      Path path = Path.of(file);
      if (!Files.isRegularFile(path) || Files.size(path) > 2_000_000) {
        continue;
      }
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (java.nio.charset.MalformedInputException binary) {
        continue;
      }
      if (PRIVATE_KEY.matcher(text).find()
          || OUR_API_KEY.matcher(text).find()
          || CLOUD_KEY.matcher(text).find()) {
        findings.add(file + ": a key");
      }
      String extension = file.substring(file.lastIndexOf('.') + 1);
      if (CONFIGURATION.contains(extension) && !FIXTURES.contains(file)) {
        int line = 0;
        for (String row : text.split("\n")) {
          line++;
          var setting = SECRET_SETTING.matcher(row);
          if (setting.matches() && literal(setting.group(2))) {
            findings.add(file + ":" + line + ": " + row.strip());
          }
        }
      }
    }
    assertThat(findings).as("secrets in git").isEmpty();
  }

  /**
   * A value that is not empty, not a ${...} placeholder, not a comment, and not the address of a
   * service (a token endpoint's URL is no secret; one with credentials in it is).
   */
  private static boolean literal(String value) {
    String v = value.strip();
    return !(v.isEmpty()
        || v.equals("\"\"")
        || v.equals("''")
        || v.startsWith("${")
        || v.startsWith("#")
        || (v.matches("https?://\\S+") && !v.contains("@")));
  }

  private static List<String> tracked() throws IOException, InterruptedException {
    Process git;
    try {
      git = new ProcessBuilder("git", "ls-files").redirectErrorStream(false).start();
    } catch (IOException noGit) {
      return List.of();
    }
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return git.waitFor() == 0 ? out.lines().toList() : List.of();
  }
}
