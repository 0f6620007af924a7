package org.leadhandoff.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Several instances run imports from one store: the upload is in the store, not on the disk of the
 * instance that received it, and an import's turn is held with a lease, so no two instances run one
 * import at once, and one whose instance died is taken over when its lease runs out.
 */
@EmbeddedEngineTest
class ImportLeaseTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ImportStore imports;
  @Autowired ImportRunner runner;
  @Autowired ImportProperties properties;
  @Autowired LeadStore store;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessTestSupport process;
  @Autowired Clock clock;

  @Test
  @DisplayName(
      "an import held by an instance that died is not run by another until its lease runs out;"
          + " then another instance reads the file from the store and imports every row once,"
          + " and the stalled instance's late checkpoint does not count")
  void anImportOfADeadInstanceIsTakenOver() throws Exception {
    String[] emails = {
      LeadFixtures.unique("ana", "lease.example"),
      LeadFixtures.unique("bo", "lease.example"),
      LeadFixtures.unique("cé", "lease.example")
    };
    runner.stop();
    try {
      UUID id = upload("email\n" + String.join("\n", emails) + "\n");
      // Another instance took the import, then died before its first checkpoint.
      ImportStore.Import dead = imports.claim(properties.leaseFor()).orElseThrow();
      assertThat(dead.id()).isEqualTo(id);
      assertThat(imports.claim(properties.leaseFor()))
          .as("no instance runs it while the lease holds")
          .isEmpty();
      assertThat(imports.renew(id, dead.lease(), clock.instant().plusSeconds(1)))
          .as("its holder may keep it a while longer")
          .isTrue();
      // Nothing of it is on this instance's disk: the file comes from the store.
      assertThat(ImportRunner.workingCopy(properties.directory(), id)).doesNotExist();

      process.advance(properties.leaseFor().plusSeconds(1));
      runner.start();
      ImportStatus done =
          await()
              .atMost(ProcessTestSupport.WAIT)
              .until(() -> statusOf(id), s -> s.state() == ImportState.DONE);

      assertThat(done.created()).isEqualTo(3);
      assertThat(done.merged()).isZero();
      for (String email : emails) {
        assertThat(store.findByEmail(email)).as(email).isPresent();
      }
      assertThat(imports.checkpoint(dead.id(), dead.lease(), clock.instant(), 3, 3, 0, 0))
          .as("the dead instance's lease is over")
          .isFalse();
      assertThat(imports.renew(id, dead.lease(), clock.instant().plusSeconds(60))).isFalse();
      assertThat(statusOf(id).created()).isEqualTo(3);
      assertThat(
              jdbc.sql("select count(*) from lead_import_chunk where import_id = ?")
                  .param(id)
                  .query(Long.class)
                  .single())
          .as("the file's personal data leaves the store once imported")
          .isZero();
      assertThat(ImportRunner.workingCopy(properties.directory(), id)).doesNotExist();
    } finally {
      runner.start();
    }
  }

  private UUID upload(String csv) throws Exception {
    return ImportRequests.upload(mvc, json, "leads.csv", csv.getBytes());
  }

  private ImportStatus statusOf(UUID id) throws Exception {
    return ImportRequests.statusOf(mvc, json, id);
  }
}
