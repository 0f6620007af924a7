package org.leadhandoff.bench;

import java.util.List;

/** Medians and percentiles of measured values. */
final class Stats {

  private Stats() {}

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** Nearest-rank percentile. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = values.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
