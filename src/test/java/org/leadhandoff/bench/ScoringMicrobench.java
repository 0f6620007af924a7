package org.leadhandoff.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.leadhandoff.scoring.EngagementEvent;
import org.leadhandoff.scoring.EngagementScoring;
import org.leadhandoff.scoring.FitProfile;
import org.leadhandoff.scoring.FitScoring;
import org.leadhandoff.scoring.TestCriteria;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fit and engagement scoring of one lead with the shipped criteria.yaml, against a no-op that reads
 * the same input. Run through ScoringJmhBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScoringMicrobench {

  FitScoring fit;
  EngagementScoring engagement;
  FitProfile profile;
  List<EngagementEvent> events;
  Instant now;

  @Setup
  public void setUp() {
    var criteria = TestCriteria.load();
    fit = new FitScoring(criteria);
    engagement = new EngagementScoring(criteria);
    // A typical lead: a VP at a mid-sized software company, custom flags, a business email.
    profile =
        new FitProfile(
            "dana.fox@northwind.example",
            320,
            "software",
            "DE",
            "VP Sales Operations",
            Map.of("uses-competitor-product", "true", "existing-customer", "false"));
    now = Instant.parse("2026-11-22T12:00:00Z");
    // A fortnight of interest: visits, pricing, a download, a webinar, clicks, a demo request.
    events =
        List.of(
            new EngagementEvent("page-visit", now.minus(Duration.ofDays(13))),
            new EngagementEvent("page-visit", now.minus(Duration.ofDays(12))),
            new EngagementEvent("pricing-page", now.minus(Duration.ofDays(9))),
            new EngagementEvent("content-download", now.minus(Duration.ofDays(8))),
            new EngagementEvent("webinar-registered", now.minus(Duration.ofDays(7))),
            new EngagementEvent("webinar-attended", now.minus(Duration.ofDays(5))),
            new EngagementEvent("email-click", now.minus(Duration.ofDays(3))),
            new EngagementEvent("page-visit", now.minus(Duration.ofDays(2))),
            new EngagementEvent("pricing-page", now.minus(Duration.ofDays(1))),
            new EngagementEvent("demo-request", now.minus(Duration.ofHours(2))));
  }

  /** The baseline: reads the same input and does nothing with it. */
  @Benchmark
  public void noop(Blackhole hole) {
    hole.consume(profile);
    hole.consume(events);
    hole.consume(now);
  }

  @Benchmark
  public Object fitScore() {
    return fit.score(profile);
  }

  @Benchmark
  public Object engagementScore() {
    return engagement.score(events, now);
  }
}
