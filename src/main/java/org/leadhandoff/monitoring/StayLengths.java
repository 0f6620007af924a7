package org.leadhandoff.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long stays in a stage took, counted per length at the resolution the dashboard shows them in:
 * a second under a minute, a minute under an hour, a tenth of an hour under two days, a tenth of a
 * day beyond. Counts of a day add up to counts of a year without keeping each stay, and the median
 * and 90th percentile read from them are the nearest-rank percentiles of the stays exactly, to that
 * resolution. A length is a key whose order is the lengths' order.
 */
final class StayLengths {

  private StayLengths() {}

  private static final long MINUTES = 1_000;
  private static final long TENTH_HOURS = 100_000;
  private static final long TENTH_DAYS = 10_000_000;

  /** A stay in whole seconds (rounded, as the report has always given them). */
  static long seconds(Instant began, Instant ended) {
    long micros = Duration.between(began, ended).toNanos() / 1_000;
    return Math.max(0, Math.round(micros / 1e6));
  }

  /** The length's key. */
  static long key(long seconds) {
    if (seconds < 60) {
      return seconds;
    }
    if (seconds < 3_600) {
      return MINUTES + Math.round(seconds / 60.0);
    }
    if (seconds < 172_800) {
      return TENTH_HOURS + Math.round(seconds / 360.0);
    }
    return TENTH_DAYS + Math.round(seconds / 8_640.0);
  }

  /** A length of the key in seconds, one the dashboard shows as it shows every stay of the key. */
  static long seconds(long key) {
    if (key < MINUTES) {
      return key;
    }
    if (key < TENTH_HOURS) {
      return Math.min(Math.max((key - MINUTES) * 60, 60), 3_599);
    }
    if (key < TENTH_DAYS) {
      return Math.min(Math.max((key - TENTH_HOURS) * 360, 3_600), 172_799);
    }
    return Math.max((key - TENTH_DAYS) * 8_640, 172_800);
  }

  /** Counts per key, in key order. */
  static final class Counts {
    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long total;

    void add(long key, long count) {
      counts.merge(key, count, Long::sum);
      total += count;
    }

    void addAll(Counts other) {
      other.counts.forEach(this::add);
    }

    long total() {
      return total;
    }

    /**
     * The nearest-rank percentile: the smallest length that at least {@code fraction} of the stays
     * are no longer than, in seconds; null without stays.
     */
    Long percentile(double fraction) {
      if (total == 0) {
        return null;
      }
      long rank = Math.max(1, (long) Math.ceil(fraction * total));
      long seen = 0;
      for (Map.Entry<Long, Long> entry : counts.entrySet()) {
        seen += entry.getValue();
        if (seen >= rank) {
          return seconds(entry.getKey());
        }
      }
      return seconds(counts.lastKey());
    }

    /** As kept in a column (see {@link CountsColumn}). */
    String text() {
      return CountsColumn.write(counts);
    }

    static Counts parse(String text) {
      Counts parsed = new Counts();
      CountsColumn.read(text, Long::valueOf, parsed::add);
      return parsed;
    }
  }
}
