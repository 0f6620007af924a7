package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.process.LeadProcess.Headers;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.system.Why;
import org.springframework.stereotype.Component;

/**
 * Serves the milestone events of the lifecycle: each is a message throw event whose {@code stage}
 * header names the stage the lead has reached; this worker writes it to the lead store with the
 * reason the milestone maps, {@code stageReasonCode} and {@code stageFacts} (a FEEL context), which
 * each reader gets in their words from the catalogue's {@code why.<code>}. Keyed by the element
 * instance, so a redelivered job records nothing twice.
 */
@Component
public class RecordStageWorker {

  private final StageService stages;

  RecordStageWorker(StageService stages) {
    this.stages = stages;
  }

  @JobWorker(type = Jobs.RECORD_STAGE)
  public void recordStage(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable String stageReasonCode,
      @Variable Map<String, Object> stageFacts) {
    String milestone = job.getBpmnProcessId() + "/" + job.getElementId();
    stages.enter(
        leadId,
        parse(job.getCustomHeaders().get(Headers.STAGE), job),
        stageReasonCode == null || stageReasonCode.isBlank()
            ? null
            : new Why(stageReasonCode.strip(), stageFacts),
        milestone,
        "element-instance:" + job.getElementInstanceKey());
  }

  private static Stage parse(String stage, ActivatedJob job) {
    if (stage == null || stage.isBlank()) {
      throw new IllegalStateException(
          "Milestone " + job.getElementId() + " has no 'stage' header; add one in the model");
    }
    try {
      return Stage.valueOf(stage.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Milestone " + job.getElementId() + " names an unknown stage '" + stage + "'", e);
    }
  }
}
