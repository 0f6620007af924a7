package org.leadhandoff.engine;

import io.camunda.zeebe.stream.impl.StreamProcessor;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.RandomAccess;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory engine's log, in place of the plain list it appends to: safe to read while it
 * grows, and, unless the log is kept for tests, dropping what the engine has processed.
 *
 * <p>The engine writes about 200 records per lead (some 140 KB in the test engine's log blocks,
 * measured by FlatnessBenchmark: 908 MB of heap after 6,000 leads) and never reads them again once
 * processed: its state is in {@link EngineState}. A test reads the whole log to see what happened,
 * so tests keep it ({@code lead-handoff.engine.embedded.keep-log}); an application that keeps it
 * runs out of memory after some ten thousand leads.
 */
final class EngineLog extends AbstractList<ByteBuffer> implements RandomAccess {

  private static final Logger log = LoggerFactory.getLogger(EngineLog.class);

  /** Blocks kept behind the engine's processing, for a reader that is a little behind it. */
  static final int MARGIN = 1_000;

  static final Duration TRIM_EVERY = Duration.ofSeconds(5);

  private final List<ByteBuffer> kept = new ArrayList<>();
  private int dropped;

  @Override
  public synchronized int size() {
    return dropped + kept.size();
  }

  @Override
  public synchronized ByteBuffer get(int index) {
    if (index < dropped) {
      throw new IllegalStateException(
          "Entry "
              + index
              + " of the engine's log was dropped after processing (only tests keep the whole log:"
              + " lead-handoff.engine.embedded.keep-log)");
    }
    return kept.get(index - dropped);
  }

  @Override
  public synchronized boolean add(ByteBuffer block) {
    return kept.add(block);
  }

  /** How many blocks it holds now (the rest were dropped). */
  synchronized int held() {
    return kept.size();
  }

  /**
   * Drops the blocks before the one holding {@code position}, but {@link #MARGIN}, and their
   * entries in the log's index of positions (1-based block numbers by first position).
   *
   * @return how many blocks it dropped
   */
  int dropBefore(long position, NavigableMap<Long, Integer> blockOfPosition) {
    Map.Entry<Long, Integer> holding = blockOfPosition.floorEntry(position);
    if (holding == null) {
      return 0;
    }
    int upTo = holding.getValue() - 1 - MARGIN; // 0-based, exclusive
    int count;
    synchronized (this) {
      count = Math.min(upTo - dropped, kept.size());
      if (count <= 0) {
        return 0;
      }
      kept.subList(0, count).clear();
      dropped += count;
    }
    // One dropped block stays indexed, so that a seek just behind the kept ones still lands.
    Long firstKept = null;
    for (Map.Entry<Long, Integer> entry : blockOfPosition.entrySet()) {
      if (entry.getValue() > dropped) {
        firstKept = entry.getKey();
        break;
      }
    }
    if (firstKept != null) {
      Long lastDropped = blockOfPosition.lowerKey(firstKept);
      if (lastDropped != null) {
        blockOfPosition.headMap(lastDropped).clear();
      }
    }
    return count;
  }

  /**
   * Drops what the stream processor has processed every {@link #TRIM_EVERY}, on a daemon thread of
   * its own; closing the returned executor stops it.
   */
  ScheduledExecutorService trimBehind(
      StreamProcessor processor, NavigableMap<Long, Integer> blockOfPosition) {
    ScheduledExecutorService trimmer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "engine-log-trim");
              thread.setDaemon(true);
              return thread;
            });
    trimmer.scheduleWithFixedDelay(
        () -> {
          try {
            long processed = processor.getLastProcessedPositionAsync().get(5, TimeUnit.SECONDS);
            dropBefore(processed, blockOfPosition);
          } catch (Exception e) {
            // The engine is stopping or busy: the next round trims.
            log.debug("Could not trim the engine's log: {}", e.toString());
          }
        },
        TRIM_EVERY.toMillis(),
        TRIM_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return trimmer;
  }
}
