package org.leadhandoff.lifecycle;

import java.util.UUID;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.metrics.LeadMetrics;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Records the stage a lead reaches in the lifecycle, once per milestone passed. */
@Service
public class StageService {

  private static final Logger log = LoggerFactory.getLogger(StageService.class);

  private final LeadStore store;
  private final LeadMetrics metrics;
  private final MessageCatalogue catalogue;

  StageService(LeadStore store, LeadMetrics metrics, MessageCatalogue catalogue) {
    this.store = store;
    this.metrics = metrics;
    this.catalogue = catalogue;
  }

  /**
   * @param milestone the model element that decided it, e.g. {@code lead-lifecycle/Event_Sql}
   * @param why the reason as a code and its facts (for reports, and for each reader's language);
   *     null where the model gives none
   * @param occurrence identifies this passage through the milestone; a retry passes the same one
   */
  public void enter(UUID leadId, Stage stage, Why why, String milestone, String occurrence) {
    // The English words, for the API, the CSV and the log; pages write the code in their own.
    String words = catalogue.explain(MessageCatalogue.LANGUAGES.getFirst(), why);
    boolean recorded =
        store.changeStage(
            leadId,
            stage,
            words,
            why == null ? null : why.code(),
            why == null || why.facts().isEmpty() ? null : why.factsJson(),
            milestone,
            occurrence);
    if (recorded) {
      metrics.stageEntered(stage.name());
      log.info("Lead {} entered stage {} at {}", leadId, stage, milestone);
    } else {
      log.debug("Lead {} stage {} at {} was already recorded", leadId, stage, milestone);
    }
  }
}
