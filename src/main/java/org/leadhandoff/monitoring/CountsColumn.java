package org.leadhandoff.monitoring;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Counts per key as a column of the daily figures keeps them: "key:count,key:count", in the map's
 * order (stay lengths by their key, reasons by their code).
 */
final class CountsColumn {

  private CountsColumn() {}

  static String write(Map<?, Long> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (key, count) -> {
          if (!text.isEmpty()) {
            text.append(',');
          }
          text.append(key).append(':').append(count);
        });
    return text.toString();
  }

  /** Each pair of the column to {@code add}, its key read by {@code key}; nothing when empty. */
  static <K> void read(String text, Function<String, K> key, BiConsumer<K, Long> add) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (String pair : text.split(",")) {
      int colon = pair.lastIndexOf(':');
      add.accept(key.apply(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
    }
  }
}
