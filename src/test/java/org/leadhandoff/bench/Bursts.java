package org.leadhandoff.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.leadhandoff.intake.EngagementService;
import org.leadhandoff.intake.LeadCaptureService;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.LeadFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bursts of leads handed to the pipeline at once, each timed from the burst's arrival to its
 * visible qualification task (the inbox's row): what the pipeline and flatness benchmarks measure.
 */
final class Bursts {

  static final Duration BATCH_LIMIT = Duration.ofMinutes(3);

  /**
   * One burst. Latency counts from the burst's arrival (all its leads are handed in at once, as a
   * trade-show list is), so waiting at the front door counts; {@code fromCall} counts from when a
   * capture call began, which hides that wait for a capture that blocks (B1 waits for the engine's
   * create, P only for a store write); {@code captureCallP50Ms} is how long a capture call took.
   */
  record Batch(
      double leadsPerSecond,
      double p50Ms,
      double p99Ms,
      double fromCallP50Ms,
      double fromCallP99Ms,
      double captureCallP50Ms,
      int lost,
      int duplicated,
      long startedAtMs,
      long endedAtMs) {}

  /**
   * A lead's qualification task as the inbox holds it (the user task worker's row): when it first
   * appeared, and in how many rows (more than one is a duplicated lead).
   */
  record TaskRow(long firstSeen, int count) {}

  private final JdbcClient jdbc;
  private final LeadCaptureService capture;
  private final EngagementService engagement;

  Bursts(JdbcClient jdbc, LeadCaptureService capture, EngagementService engagement) {
    this.jdbc = jdbc;
    this.capture = capture;
    this.engagement = engagement;
  }

  /**
   * P: the hand-raise comes first (a demo request from a web form), then the capture, so the lead
   * is an MQL at once, like in B1.
   */
  Batch p(ExecutorService pool, int count) throws Exception {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      emails.add(LeadFixtures.unique("bench", "bigco.example"));
    }
    Map<String, String> leadIdOf = new ConcurrentHashMap<>();
    return batch(
        pool,
        emails,
        email -> {
          engagement.recordByEmail(email, "demo-" + email, "demo-request", Instant.now(), null);
          leadIdOf.put(
              email,
              capture.capture(LeadFixtures.gradeAProfile(email), "benchmark").leadId().toString());
        },
        keys -> {
          Map<String, TaskRow> byLead = tasks(Processes.PHONE_QUALIFICATION, leadIdOf.values());
          Map<String, TaskRow> byEmail = new LinkedHashMap<>();
          keys.forEach(
              k -> {
                TaskRow row = byLead.get(leadIdOf.get(k));
                if (row != null) {
                  byEmail.put(k, row);
                }
              });
          return byEmail;
        });
  }

  Map<String, TaskRow> tasks(String processId, Collection<String> leadIds) {
    Map<String, TaskRow> tasks = new LinkedHashMap<>();
    List<String> all = new ArrayList<>(leadIds);
    for (int i = 0; i < all.size(); i += 500) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
      List<Object> params = new ArrayList<>();
      params.add(processId);
      chunk.stream().map(UUID::fromString).forEach(params::add);
      jdbc.sql(
              "select lead_id, min(created_at), count(*) from user_task where process_id = ?"
                  + " and lead_id in ("
                  + String.join(",", Collections.nCopies(chunk.size(), "?"))
                  + ") group by lead_id")
          .params(params)
          .query(
              (rs, n) ->
                  tasks.put(
                      rs.getObject(1, UUID.class).toString(),
                      new TaskRow(
                          rs.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli(),
                          rs.getInt(3))))
          .list();
    }
    return tasks;
  }

  /**
   * Submits every lead from the thread pool, waits until each has its task (or the limit passes),
   * and measures.
   */
  static Batch batch(
      ExecutorService pool,
      List<String> keys,
      Consumer<String> submit,
      Function<List<String>, Map<String, TaskRow>> tasksNow)
      throws Exception {
    Map<String, Long> called = new ConcurrentHashMap<>();
    List<Double> callTimes = Collections.synchronizedList(new ArrayList<>());
    long start = System.currentTimeMillis();
    List<Future<?>> sent = new ArrayList<>();
    for (String key : keys) {
      sent.add(
          pool.submit(
              () -> {
                long began = System.currentTimeMillis();
                called.put(key, began);
                submit.accept(key);
                callTimes.add((double) (System.currentTimeMillis() - began));
              }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    Map<String, TaskRow> seen = Map.of();
    long deadline = System.currentTimeMillis() + BATCH_LIMIT.toMillis();
    while (System.currentTimeMillis() < deadline) {
      seen = tasksNow.apply(keys);
      if (seen.size() == keys.size()) {
        break;
      }
      Thread.sleep(50);
    }
    long end = seen.values().stream().mapToLong(TaskRow::firstSeen).max().orElse(start);
    List<Double> latencies = new ArrayList<>();
    List<Double> fromCall = new ArrayList<>();
    seen.forEach(
        (k, t) -> {
          latencies.add((double) (t.firstSeen() - start));
          fromCall.add((double) (t.firstSeen() - called.get(k)));
        });
    // Counted once more after the wait, as a duplicate would show up last.
    int duplicated =
        (int) tasksNow.apply(keys).values().stream().filter(t -> t.count() > 1).count();
    return new Batch(
        seen.size() / Math.max(0.001, (end - start) / 1000.0),
        Stats.percentile(latencies, 50),
        Stats.percentile(latencies, 99),
        Stats.percentile(fromCall, 50),
        Stats.percentile(fromCall, 99),
        Stats.percentile(callTimes, 50),
        keys.size() - seen.size(),
        duplicated,
        start,
        end);
  }
}
