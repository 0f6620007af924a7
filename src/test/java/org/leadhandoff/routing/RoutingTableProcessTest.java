package org.leadhandoff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.routing.RosterStore.RoutingRecord;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.OwnEngine;
import org.leadhandoff.support.ProcessTestSupport;
import org.leadhandoff.support.TestWaits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/**
 * A designer changes the routing table: one row, "reps in DE do not get leads from companies under
 * 50 employees", sends such leads to the inside-sales team, and the routing log names the rule. A
 * lead the row does not match keeps today's routing. The changed table is deployed with the models,
 * as Camunda Modeler deploys them, in an engine of this test's own (a new model version must not
 * reach the other tests).
 */
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:routing-table-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import({ProcessTestSupport.class, LeadFixtures.class})
@OwnEngine
class RoutingTableProcessTest {

  /** The row a designer adds at the top of the shipped table, as Camunda Modeler writes it. */
  private static final String SMALL_DE_ROW =
      """
      <rule id="Rule_SmallDeToInsideSales">
        <description>Reps in DE do not get leads from companies under 50 employees</description>
        <inputEntry id="UnaryTests_SmallDeRole"><text>"SALES_REP"</text></inputEntry>
        <inputEntry id="UnaryTests_SmallDeCountry"><text>"DE"</text></inputEntry>
        <inputEntry id="UnaryTests_SmallDeSize"><text>&lt; 50</text></inputEntry>
        <inputEntry id="UnaryTests_SmallDeSource"><text>-</text></inputEntry>
        <inputEntry id="UnaryTests_SmallDeTemperature"><text>-</text></inputEntry>
        <outputEntry id="LiteralExpression_SmallDeTeam"><text>"inside-sales"</text></outputEntry>
        <outputEntry id="LiteralExpression_SmallDeRule"><text>"DE under 50 employees to inside sales"</text></outputEntry>
      </rule>
      """;

  @Autowired CamundaClient client;
  @Autowired ProcessTestSupport process;
  @Autowired LeadFixtures leads;
  @Autowired RosterStore roster;

  private static String resource(String path) throws Exception {
    return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
  }

  /** A lead in DE of this size, qualified by phone, waiting for a sales rep. */
  private UUID qualifiedDeLead(int employees) {
    UUID leadId =
        leads.capture(
            Contacts.contact(LeadFixtures.unique("dora", "mittelstand.example"))
                .name("Dora", "Brück")
                .company("Mittelstand GmbH", employees)
                .industry("Software")
                .title("CTO")
                .country("DE")
                .source("web-form")
                .build());
    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");
    leads.engage(leadId, "demo-request", 0);
    process.awaitWaitingAt(
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId), "UserTask_QualifyByPhone");
    process.qualify(leadId);
    return leadId;
  }

  private RoutingRecord salesRouting(UUID leadId) {
    return await()
        .atMost(TestWaits.CEILING)
        .until(
            () ->
                roster.history(leadId).stream().filter(r -> r.role() == Role.SALES_REP).findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  @Test
  @DisplayName(
      "one row of the routing table sends DE leads under 50 employees to inside sales, with the"
          + " rule in the routing log; a bigger DE lead is routed as before")
  void oneRowChangesRouting() throws Exception {
    roster.addIfMissing(
        new Rep(
            "ines",
            "Inês Duarte",
            "ines.duarte@example.com",
            Role.SALES_REP,
            List.of("DE", "AT", "CH"),
            List.of("*"),
            20,
            EnumSet.allOf(DayOfWeek.class),
            LocalTime.MIN,
            LocalTime.of(23, 59),
            ZoneId.of("Europe/Berlin"),
            null,
            null,
            true));
    roster.organise("ines", "inside-sales", 30, 1);

    String shipped = resource("bpmn/routing-team.dmn");
    String changed =
        shipped.replace(
            "<rule id=\"Rule_EveryoneOfTheRole\">",
            SMALL_DE_ROW + "      <rule id=\"Rule_EveryoneOfTheRole\">");
    assertThat(changed).as("the row went in").isNotEqualTo(shipped);
    client
        .newDeployResourceCommand()
        .addResourceStringUtf8(changed, "routing-team.dmn")
        .addResourceFromClasspath("bpmn/phone-qualification.bpmn")
        .addResourceFromClasspath("bpmn/sales-handoff.bpmn")
        .addResourceFromClasspath("forms/phone-qualification.form")
        .addResourceFromClasspath("forms/sales-acceptance.form")
        .send()
        .join();

    UUID small = qualifiedDeLead(20);
    RoutingRecord smallRouting = salesRouting(small);
    assertThat(smallRouting.chosenRep()).isEqualTo("ines");
    assertThat(smallRouting.candidates())
        .as("only inside sales were candidates")
        .contains("\"repId\":\"ines\"")
        .doesNotContain("\"repId\":\"sam\"")
        .doesNotContain("\"repId\":\"alex\"");
    assertThat(smallRouting.reasonFacts())
        .containsEntry("rule", "DE under 50 employees to inside sales")
        .containsEntry("group", "inside-sales");
    assertThat(smallRouting.reason()).contains("by the routing rule “DE under 50 employees");

    UUID big = qualifiedDeLead(500);
    RoutingRecord bigRouting = salesRouting(big);
    assertThat(bigRouting.reasonFacts()).containsEntry("rule", "everyone of the role");
    assertThat(bigRouting.candidates())
        .as("today's routing: every rep covering DE")
        .contains("\"repId\":\"sam\"")
        .contains("\"repId\":\"alex\"");
  }
}
