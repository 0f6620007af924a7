package org.leadhandoff.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds new stage changes into the daily figures the funnel report reads, and new leads,
 * assignments and activities into its daily counts. Reports are exact without it (they add what is
 * not folded yet); it keeps what they add small. The tests leave it off and fold when they mean to,
 * so that no test depends on its rhythm.
 */
@Component
@ConditionalOnProperty(
    name = "lead-handoff.reports.fold-in-background",
    havingValue = "true",
    matchIfMissing = true)
class StageFigureFolding {

  private static final Logger log = LoggerFactory.getLogger(StageFigureFolding.class);

  /** Changes per transaction: a fold holds the day rows it adds to only briefly. */
  static final int BATCH = 2_000;

  private final FunnelStages stages;
  private final DayCounts counts;

  StageFigureFolding(FunnelStages stages, DayCounts counts) {
    this.stages = stages;
    this.counts = counts;
  }

  @Scheduled(
      initialDelayString = "${lead-handoff.reports.fold-every:PT10S}",
      fixedDelayString = "${lead-handoff.reports.fold-every:PT10S}")
  void fold() {
    try {
      int folded;
      do {
        folded = stages.fold(BATCH);
      } while (folded == BATCH);
      do {
        folded = counts.fold(BATCH);
      } while (folded == BATCH);
    } catch (RuntimeException e) {
      // The store is away: the changes wait, the reports still count them.
      log.warn("Could not fold stage changes into the daily figures: {}", e.getMessage());
    }
  }
}
