package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.springframework.stereotype.Component;

/** "Remind owner", the first rung of the SLA ladder: before the task is due, its owner is told. */
@Component
public class RemindOwnerWorker {

  private final RoutingService routing;

  RemindOwnerWorker(RoutingService routing) {
    this.routing = routing;
  }

  @JobWorker(type = Jobs.REMIND_OWNER)
  public void remind(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable String dueAt,
      @Variable String remindAt) {
    Instant due = dueAt == null ? null : OffsetDateTime.parse(dueAt).toInstant();
    Instant at = remindAt == null ? null : OffsetDateTime.parse(remindAt).toInstant();
    routing.remind(
        leadId,
        Role.ofProcess(job.getBpmnProcessId()),
        due,
        at,
        String.valueOf(job.getElementInstanceKey()));
  }
}
