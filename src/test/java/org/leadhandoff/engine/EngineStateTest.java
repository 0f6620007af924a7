package org.leadhandoff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.impl.DbLong;
import io.camunda.zeebe.db.impl.DbString;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine's state store lives exactly as long as the engine, wherever it was started. */
class EngineStateTest {

  @Test
  @DisplayName("the engine's state is kept in a directory of its own, deleted when it closes")
  void directoryLivesAsLongAsTheStore() throws Exception {
    EngineState state = EngineState.open();
    Path directory = state.directory();
    try {
      assertThat(directory).isDirectory();
      assertThat(directory.getFileName().toString())
          .startsWith("lead-handoff-engine-state-" + ProcessHandle.current().pid() + "-");
      TransactionContext context = state.createContext();
      DbLong key = new DbLong();
      DbString value = new DbString();
      var family = state.createColumnFamily(ZbColumnFamilies.DEFAULT, context, key, value);
      key.wrapLong(7);
      value.wrapString("kept");
      family.insert(key, value);
      key.wrapLong(7);
      assertThat(family.get(key).toString()).isEqualTo("kept");
    } finally {
      state.close();
    }
    assertThat(directory).doesNotExist();
  }

  @Test
  @DisplayName(
      "a directory left by an engine that was killed is deleted by the next one; a running"
          + " engine's is not")
  void abandonedDirectoriesAreDeleted() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    // No process has this id (above Linux's pid_max): its engine is gone.
    Path abandoned =
        Files.createDirectories(tmp.resolve("lead-handoff-engine-state-2147483000-test"));
    Files.writeString(abandoned.resolve("000001.sst"), "left behind");
    EngineState running = EngineState.open();
    EngineState next = null;
    try {
      assertThat(abandoned).doesNotExist();
      next = EngineState.open();
      assertThat(running.directory()).isDirectory();
    } finally {
      running.close();
      if (next != null) {
        next.close();
      }
    }
  }
}
