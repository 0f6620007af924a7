package org.leadhandoff.support;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every test of the shared application context starts from the same world: no lead process of an
 * earlier test still runs in the engine (its timers would fire on this test's clock moves, its
 * tasks would take the qualifiers' capacity), and the lead store holds no earlier lead, import,
 * queued message or queued mail (a mail test would otherwise wait behind a backlog of mails that
 * earlier tests queued while no SMTP server listened). People, users and API keys stay.
 */
@TestComponent
public class CleanSlate {

  /** Children first: the tables that reference a lead before the lead itself. */
  private static final List<String> LEAD_DATA =
      List.of(
          "lead_import_error",
          "lead_import",
          "import_mapping",
          "lead_activity",
          "mail_outbox",
          "routing_decision",
          "assignment",
          "user_task",
          "pending_engagement_event",
          "idempotent_request",
          "outbox",
          "engagement_event",
          "lead_score",
          "lead_stage_change",
          "webhook_delivery",
          "lead");

  private final ProcessTestSupport process;
  private final CamundaClient client;
  private final JdbcClient jdbc;

  CleanSlate(ProcessTestSupport process, CamundaClient client, JdbcClient jdbc) {
    this.process = process;
    this.client = client;
    this.jdbc = jdbc;
  }

  public void reset() {
    Set<Long> running = runningRootInstances();
    for (long key : running) {
      try {
        client.newCancelInstanceCommand(key).send().join();
      } catch (ClientStatusException alreadyGone) {
        // Ended on its own between the read and the cancel.
      }
    }
    // Waits for the engine's own record of each end, not for a rhythm.
    await()
        .atMost(ProcessTestSupport.WAIT)
        .until(() -> runningRootInstances().stream().noneMatch(running::contains));
    // A job of a cancelled instance may still be finishing its side effect (a stage change): its
    // row then arrives between two deletes, and the sequence runs again until the store is empty.
    await().ignoreException(DataIntegrityViolationException.class).until(this::emptyLeadData);
    // Round robin starts from the first person of each role again.
    jdbc.sql("update routing_cursor set last_rep = '', turn_now = 0").update();
    jdbc.sql("delete from routing_turn").update();
    jdbc.sql("delete from routing_credit").update();
  }

  private boolean emptyLeadData() {
    for (String table : LEAD_DATA) {
      jdbc.sql("delete from " + table).update();
    }
    return true;
  }

  /** Lifecycles (and other top-level instances) that were activated and have not ended. */
  private Set<Long> runningRootInstances() {
    RecordStream records = process.records();
    Set<Long> activated = new HashSet<>();
    Set<Long> ended = new HashSet<>();
    StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getParentProcessInstanceKey() < 0)
        .forEach(
            (Record<ProcessInstanceRecordValue> r) -> {
              if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
                activated.add(r.getKey());
              } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                  || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
                ended.add(r.getKey());
              }
            });
    activated.removeAll(ended);
    return activated;
  }

  /** Runs {@link #reset()} before each test of an {@link EmbeddedEngineTest} class. */
  public static class BeforeEachTest implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
      SpringExtension.getApplicationContext(context).getBean(CleanSlate.class).reset();
    }
  }
}
