package org.leadhandoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadhandoff.bench.Bursts.Batch;
import org.leadhandoff.intake.EngagementService;
import org.leadhandoff.intake.LeadCaptureService;
import org.leadhandoff.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Whether the pipeline keeps its pace as work piles up: 20,000 leads in bursts of 100, none of them
 * ended (each waits at its qualification task, as a real lead does for hours or days), so the
 * engine and the store hold more with every burst. The figure is the throughput of the last tenth
 * of the leads over the first tenth, in the same run. Run by {@code ./mvnw -Pbench verify}.
 */
@Tag("benchmark")
// Its engine stops with the class: each benchmark measures alone.
@DirtiesContext
// As an application runs: the engine drops the records it has processed (tests keep them).
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:flatness-bench;DB_CLOSE_DELAY=-1",
      "lead-handoff.engine.embedded.keep-log=false"
    })
@ActiveProfiles("test")
class FlatnessBenchmark {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

  static final int LEADS = Integer.getInteger("bench.flatLeads", 20_000);
  static final int BURST = 100;
  static final int THREADS = 4;
  static final int WARM_UP_BURSTS = Integer.getInteger("bench.flatWarmUp", 5);

  @Autowired LeadCaptureService capture;
  @Autowired EngagementService engagement;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry registry;

  @Test
  void throughputStaysFlatAsLifecyclesPileUp() throws Exception {
    Bursts bursts = new Bursts(jdbc, capture, engagement);
    int bursts10th = Math.max(1, LEADS / BURST / 10);
    List<Batch> batches = new ArrayList<>();
    List<Map<String, Object>> tenths = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      // Warm-up (JIT, connections; the first 300 leads ran at half the later rate), not counted
      // but kept open like the rest.
      for (int i = 0; i < WARM_UP_BURSTS; i++) {
        bursts.p(pool, BURST);
      }
      Map<String, double[]> before = workerTotals();
      for (int tenth = 0; tenth < 10; tenth++) {
        List<Batch> these = new ArrayList<>();
        for (int i = 0; i < bursts10th; i++) {
          these.add(bursts.p(pool, BURST));
        }
        batches.addAll(these);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenth", tenth + 1);
        row.put("leadsPerSecond", Stats.round(rate(these), 1));
        row.put(
            "burstP50Ms", Stats.round(Stats.median(these.stream().map(Batch::p50Ms).toList()), 0));
        row.put("heapMbAfterGc", heapAfterGc());
        Map<String, double[]> now = workerTotals();
        row.put("workerMsPerJob", perJob(before, now));
        before = now;
        tenths.add(row);
        System.out.println("flatness: " + row);
      }
    }
    int lost = batches.stream().mapToInt(Batch::lost).sum();
    int duplicated = batches.stream().mapToInt(Batch::duplicated).sum();
    double first = (double) tenths.get(0).get("leadsPerSecond");
    double last = (double) tenths.get(9).get("leadsPerSecond");
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("leads", bursts10th * BURST * 10);
    results.put("burst", BURST);
    results.put("tenths", tenths);
    results.put("flatnessLastOverFirst", Stats.round(last / first, 2));
    results.put("lostLeads", lost);
    results.put("duplicatedLeads", duplicated);

    System.out.println();
    System.out.println("| tenth | leads/s | burst p50, ms | heap after GC, MB |");
    System.out.println("|---|---|---|---|");
    tenths.forEach(
        row ->
            System.out.printf(
                "| %s | %s | %s | %s |%n",
                row.get("tenth"),
                row.get("leadsPerSecond"),
                row.get("burstP50Ms"),
                row.get("heapMbAfterGc")));
    System.out.println("Worker time per job (ms), first tenth -> last tenth:");
    @SuppressWarnings("unchecked")
    Map<String, Double> firstWork = (Map<String, Double>) tenths.get(0).get("workerMsPerJob");
    @SuppressWarnings("unchecked")
    Map<String, Double> lastWork = (Map<String, Double>) tenths.get(9).get("workerMsPerJob");
    lastWork.forEach(
        (type, ms) ->
            System.out.printf(
                "  %-22s %6.2f -> %6.2f%n", type, firstWork.getOrDefault(type, 0.0), ms));
    System.out.printf(
        "flatness (last tenth over first): %.2f; lost / duplicated leads: %d / %d%n",
        last / first, lost, duplicated);
    Results.write("flatness", results);
    assertThat(lost).as("lost leads").isZero();
    assertThat(duplicated).as("duplicated leads").isZero();
  }

  /** Leads per second over consecutive bursts: all their leads over the time they took. */
  private static double rate(List<Batch> batches) {
    long leads = 0;
    long millis = 0;
    for (Batch batch : batches) {
      leads += BURST - batch.lost();
      millis += batch.endedAtMs() - batch.startedAtMs();
    }
    return leads / Math.max(0.001, millis / 1000.0);
  }

  /** Per job type: jobs done and milliseconds spent so far (leadhandoff.worker.latency). */
  private Map<String, double[]> workerTotals() {
    Map<String, double[]> totals = new TreeMap<>();
    for (Timer timer : registry.find("leadhandoff.worker.latency").timers()) {
      double[] sum = totals.computeIfAbsent(timer.getId().getTag("type"), type -> new double[2]);
      sum[0] += timer.count();
      sum[1] += timer.totalTime(TimeUnit.MILLISECONDS);
    }
    return totals;
  }

  private static Map<String, Double> perJob(
      Map<String, double[]> before, Map<String, double[]> now) {
    Map<String, Double> perJob = new TreeMap<>();
    now.forEach(
        (type, sum) -> {
          double[] then = before.getOrDefault(type, new double[2]);
          double jobs = sum[0] - then[0];
          if (jobs > 0) {
            perJob.put(type, Stats.round((sum[1] - then[1]) / jobs, 2));
          }
        });
    return perJob;
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }
}
