package org.leadhandoff.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadhandoff.support.LocalCluster;
import org.leadhandoff.support.LocalCluster.Instance;
import org.leadhandoff.support.PostgresAvailable;
import org.leadhandoff.support.TestIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throughput of two application instances over one, against the same standalone engine and one
 * PostgreSQL: bursts of leads captured through the API (spread over the instances that run) until
 * each lead's lifecycle has scored it in profile. For a one-instance round the second instance is
 * stopped (a paused process would keep its long-poll at the engine and be handed jobs it never
 * works); started again, it is warmed by a burst of its own before the next two-instance round.
 * Rounds alternate 1-2, 2-1 because the in-memory engine slows as its state grows; the ratio is the
 * median of the pairs.
 */
@Tag("benchmark")
@PostgresAvailable
class ClusterBenchmark {

  static final int LEADS = Integer.getInteger("bench.clusterLeads", 200);
  static final int PAIRS = Integer.getInteger("bench.clusterPairs", 3);

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void twoInstancesOverOne() throws Exception {
    try (LocalCluster cluster = new LocalCluster(dir, "bench_cluster", 1, List.of());
        ExecutorService senders = Executors.newFixedThreadPool(8)) {
      cluster.startEngine();
      Instance a = cluster.start("a");
      Instance b = cluster.start("b");
      JdbcClient store = cluster.store();

      // Warm-up: both JITs and the engine's first deployments.
      burst(store, senders, List.of(a, b), LEADS / 2, "warm");

      List<Double> one = new ArrayList<>();
      List<Double> two = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int pair = 0; pair < PAIRS; pair++) {
        double single;
        double both;
        if (pair % 2 == 0) {
          single = alone(cluster, store, senders, a, "p" + pair + "one");
          both =
              burst(store, senders, List.of(a, cluster.instance("b")), LEADS, "p" + pair + "two");
        } else {
          both =
              burst(store, senders, List.of(a, cluster.instance("b")), LEADS, "p" + pair + "two");
          single = alone(cluster, store, senders, a, "p" + pair + "one");
        }
        one.add(single);
        two.add(both);
        ratios.add(both / single);
        System.out.printf(
            "pair %d: one instance %.1f leads/s, two %.1f leads/s, ratio %.2f%n",
            pair + 1, single, both, both / single);
      }

      Map<String, Object> results = new LinkedHashMap<>();
      results.put("leadsPerBurst", LEADS);
      results.put("pairs", PAIRS);
      results.put("oneInstanceLeadsPerSecond", Stats.round(Stats.median(one), 1));
      results.put("twoInstancesLeadsPerSecond", Stats.round(Stats.median(two), 1));
      results.put("twoOverOne", Stats.round(Stats.median(ratios), 2));
      System.out.println();
      System.out.println("| cluster | two instances | one instance | ratio (median of pairs) |");
      System.out.println("|---|---|---|---|");
      System.out.printf(
          "| bursts of %d leads to IN_PROFILE | %.1f /s | %.1f /s | %.2f (pairs: %s) |%n",
          LEADS,
          Stats.median(two),
          Stats.median(one),
          Stats.median(ratios),
          ratios.stream().map(r -> String.format("%.2f", r)).toList());
      Results.write("cluster", results);
    }
  }

  /** A burst with the second instance stopped; then it is started again and warmed. */
  private double alone(
      LocalCluster cluster, JdbcClient store, ExecutorService senders, Instance a, String tag)
      throws Exception {
    cluster.stop(cluster.instance("b"));
    double rate = burst(store, senders, List.of(a), LEADS, tag);
    Instance b = cluster.start("b");
    burst(store, senders, List.of(b), LEADS / 4, tag + "warm");
    return rate;
  }

  /** Leads per second from the first request to the last lead scored in profile. */
  private double burst(
      JdbcClient store, ExecutorService senders, List<Instance> to, int leads, String tag)
      throws Exception {
    String domain = tag + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
    long started = System.nanoTime();
    List<Future<Integer>> sent = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      Instance instance = to.get(i % to.size());
      String body =
          "{\"email\":\"lead"
              + i
              + "@"
              + domain
              + "\",\"company\":\"BenchCo\",\"companySize\":500,\"industry\":\"Software\","
              + "\"title\":\"CTO\",\"country\":\"GB\"}";
      sent.add(
          senders.submit(
              () ->
                  http.send(
                          HttpRequest.newBuilder(instance.uri("/api/leads"))
                              .header("Authorization", TestIdentity.basic("admin"))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode()));
    }
    for (Future<Integer> status : sent) {
      if (status.get() != 202) {
        throw new AssertionError("A capture answered " + status.get());
      }
    }
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                store
                        .sql(
                            "select count(distinct c.lead_id) from lead_stage_change c join lead l"
                                + " on l.id = c.lead_id where c.to_stage = 'IN_PROFILE'"
                                + " and l.email like ?")
                        .param("%@" + domain)
                        .query(Long.class)
                        .single()
                    == leads);
    return leads / ((System.nanoTime() - started) / 1e9);
  }
}
