package org.leadhandoff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine's log lets go of what the engine has processed, and nothing it has not. */
class EngineLogTest {

  /** A log of {@code blocks} blocks of 10 positions each, indexed as the engine's storage does. */
  private static EngineLog log(int blocks, ConcurrentSkipListMap<Long, Integer> index) {
    EngineLog log = new EngineLog();
    for (int i = 0; i < blocks; i++) {
      log.add(ByteBuffer.wrap(new byte[] {(byte) i}));
      index.put(1L + 10L * i, log.size());
    }
    return log;
  }

  @Test
  @DisplayName(
      "blocks wholly before the processed position go, but a margin; later ones stay readable by"
          + " their old numbers")
  void dropsWhatWasProcessed() {
    var index = new ConcurrentSkipListMap<Long, Integer>();
    EngineLog log = log(EngineLog.MARGIN + 500, index);
    // Position 4,005 is in block 400 (0-based; it begins at 4,001).
    int dropped = log.dropBefore(4_005, index);

    assertThat(dropped).isZero(); // all within the margin
    long processed = 10L * (EngineLog.MARGIN + 300) + 5; // in block MARGIN + 300
    dropped = log.dropBefore(processed, index);
    assertThat(dropped).isEqualTo(300);
    assertThat(log.size()).isEqualTo(EngineLog.MARGIN + 500);
    assertThat(log.held()).isEqualTo(EngineLog.MARGIN + 200);
    assertThat(log.get(300).get(0)).isEqualTo((byte) 300);
    assertThat(log.get(EngineLog.MARGIN + 499).get(0)).isEqualTo((byte) (EngineLog.MARGIN + 499));
    assertThatThrownBy(() -> log.get(299))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keep-log");
    // The index keeps the kept blocks and the last dropped one, for a seek just behind them.
    assertThat(index.firstEntry().getValue()).isEqualTo(300);
    assertThat(index.size()).isEqualTo(EngineLog.MARGIN + 201);
    // Appending goes on at the old numbers.
    log.add(ByteBuffer.wrap(new byte[] {7}));
    assertThat(log.size()).isEqualTo(EngineLog.MARGIN + 501);
    assertThat(log.get(EngineLog.MARGIN + 500).get(0)).isEqualTo((byte) 7);
  }

  @Test
  @DisplayName("a position before everything, or a log already trimmed to it, drops nothing")
  void nothingToDrop() {
    var index = new ConcurrentSkipListMap<Long, Integer>();
    EngineLog log = log(EngineLog.MARGIN + 10, index);
    assertThat(log.dropBefore(0, index)).isZero();
    long end = 10L * (EngineLog.MARGIN + 9) + 1;
    assertThat(log.dropBefore(end, index)).isEqualTo(9);
    assertThat(log.dropBefore(end, index)).isZero();
    assertThat(log.held()).isEqualTo(EngineLog.MARGIN + 1);
  }
}
