package org.leadhandoff.lifecycle;

import java.util.UUID;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.metrics.LeadMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Records the stage a lead reaches in the lifecycle, once per milestone passed. */
@Service
public class StageService {

  private static final Logger log = LoggerFactory.getLogger(StageService.class);

  private final LeadStore store;
  private final LeadMetrics metrics;

  StageService(LeadStore store, LeadMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  /**
   * @param milestone the model element that decided it, e.g. {@code lead-lifecycle/Event_Sql}
   * @param reasonCode the reason from a fixed list, where there is one (for reports)
   * @param occurrence identifies this passage through the milestone; a retry passes the same one
   */
  public void enter(
      UUID leadId,
      Stage stage,
      String reason,
      String reasonCode,
      String milestone,
      String occurrence) {
    boolean recorded = store.changeStage(leadId, stage, reason, reasonCode, milestone, occurrence);
    if (recorded) {
      metrics.stageEntered(stage.name());
      log.info("Lead {} entered stage {} at {}", leadId, stage, milestone);
    } else {
      log.debug("Lead {} stage {} at {} was already recorded", leadId, stage, milestone);
    }
  }
}
