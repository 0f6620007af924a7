package org.leadhandoff.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ScoringMicrobench} with JMH (time per call and bytes allocated per call, with the GC
 * profiler) and prints the scoring rules against the no-op. Run by {@code ./mvnw -Pbench verify};
 * JMH's own JSON goes to target/bench/scoring-jmh.json.
 */
@Tag("benchmark")
class ScoringJmhBenchmark {

  @Test
  void scoring() throws Exception {
    Files.createDirectories(Path.of("target/bench"));
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(ScoringMicrobench.class.getName() + "\\.")
                    .forks(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1))
                    .addProfiler(GCProfiler.class)
                    .resultFormat(ResultFormatType.JSON)
                    .result("target/bench/scoring-jmh.json")
                    .build())
            .run();
    Map<String, double[]> byName = new LinkedHashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
      double ns = result.getPrimaryResult().getScore();
      var alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
      byName.put(name, new double[] {ns, alloc == null ? Double.NaN : alloc.getScore()});
    }
    double[] noop = byName.get("noop");
    System.out.println();
    System.out.println("| scoring one lead | ns per call | bytes per call | ns over the no-op |");
    System.out.println("|---|---|---|---|");
    byName.forEach(
        (name, v) ->
            System.out.printf("| %s | %.0f | %.0f | %.0f |%n", name, v[0], v[1], v[0] - noop[0]));
    System.out.println("Written to target/bench/scoring-jmh.json");
  }
}
