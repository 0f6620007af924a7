package org.leadhandoff.engine;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the in-memory engine keeps its state: RocksDB, as in the Camunda 8 broker, in a scratch
 * directory that lives as long as the engine.
 *
 * <p>The test engine's own state store is a sorted map that copies itself whole for every prefix
 * scan (every due timer, every job activation, every message correlation): each command costs time
 * in proportion to everything open, and a run slowed from 13 to 3 leads/s as lifecycles piled up.
 * RocksDB's iterators cost the same on a full engine as on an empty one. Nothing here outlives the
 * engine: the log stays in memory, so a restart still loses every lifecycle, as documented.
 */
final class EngineState implements ZeebeDb<ZbColumnFamilies> {

  private static final Logger log = LoggerFactory.getLogger(EngineState.class);
  private static final String PREFIX = "lead-handoff-engine-state-";

  /** RocksDB's block cache and memtables; the broker's default is 512 MB for three partitions. */
  private static final long MEMORY = 64L * 1024 * 1024;

  private final Path directory;
  private final ZeebeDb<ZbColumnFamilies> database;

  private EngineState(Path directory, ZeebeDb<ZbColumnFamilies> database) {
    this.directory = directory;
    this.database = database;
  }

  /** Opens an empty store in a new directory under the system's temporary directory. */
  static EngineState open() {
    Path parent = Path.of(System.getProperty("java.io.tmpdir"));
    forgetAbandoned(parent);
    try {
      Path directory =
          Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
      RocksDbConfiguration configuration =
          new RocksDbConfiguration()
              .setMemoryLimit(MEMORY)
              .setMemoryAllocationStrategy(RocksDbConfiguration.MemoryAllocationStrategy.PARTITION)
              // the engine's log is in memory: nothing to recover after a crash
              .setWalDisabled(true);
      ZeebeDb<ZbColumnFamilies> database =
          new ZeebeRocksDbFactory<ZbColumnFamilies>(
                  configuration,
                  new ConsistencyChecksSettings(),
                  new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
                  SimpleMeterRegistry::new)
              .createDb(directory.toFile());
      return new EngineState(directory, database);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create the engine's state directory under " + parent + ": " + e.getMessage(), e);
    }
  }

  private final List<AutoCloseable> alsoOnClose = new ArrayList<>();

  /** Something that lives as long as the engine, closed before the store. */
  void alsoOnClose(AutoCloseable closeable) {
    alsoOnClose.add(closeable);
  }

  Path directory() {
    return directory;
  }

  @Override
  public <K extends DbKey, V extends DbValue> ColumnFamily<K, V> createColumnFamily(
      ZbColumnFamilies family, TransactionContext context, K key, V value) {
    return database.createColumnFamily(family, context, key, value);
  }

  @Override
  public void createSnapshot(File snapshotDir) {
    database.createSnapshot(snapshotDir);
  }

  @Override
  public Optional<String> getProperty(String name) {
    return database.getProperty(name);
  }

  @Override
  public TransactionContext createContext() {
    return database.createContext();
  }

  @Override
  public boolean isEmpty(ZbColumnFamilies family, TransactionContext context) {
    return database.isEmpty(family, context);
  }

  @Override
  public MeterRegistry getMeterRegistry() {
    return database.getMeterRegistry();
  }

  /** Closes the store and deletes its directory: the engine is stopping. */
  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : alsoOnClose) {
      closeable.close();
    }
    try {
      database.close();
    } finally {
      delete(directory);
    }
  }

  /** Directories of engines whose process is gone (killed, so never deleted their own). */
  private static void forgetAbandoned(Path parent) {
    try (Stream<Path> entries = Files.list(parent)) {
      entries
          .filter(path -> path.getFileName().toString().startsWith(PREFIX))
          .filter(path -> !alive(path.getFileName().toString().substring(PREFIX.length())))
          .forEach(EngineState::delete);
    } catch (IOException | UncheckedIOException e) {
      log.debug("Could not look for abandoned engine state under {}: {}", parent, e.toString());
    }
  }

  private static boolean alive(String pidAndSuffix) {
    int dash = pidAndSuffix.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? pidAndSuffix : pidAndSuffix.substring(0, dash));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not one of ours after all: leave it
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      log.warn("Could not delete the engine's state in {}: {}", directory, e.toString());
    }
  }
}
