package org.leadhandoff.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every validation rule of intake: a 400 that names the field and says what is expected. */
@EmbeddedEngineTest
class IntakeApiValidationTest {

  @Autowired MockMvc mvc;
  @Autowired LeadStore store;
  @Autowired LeadFixtures leads;

  @ParameterizedTest(name = "{0}")
  @DisplayName(
      "a bad lead field is refused with its name and what is expected, and nothing is stored")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          email missing            | {"firstName":"Ada"}                                  | email       | is required
          email malformed          | {"email":"ada-at-bigco"}                             | email       | must be an email address like name@company.com
          email too long           | {"email":"#LONG#@bigco.example"}                     | email       | must be
          line break in a name     | {"email":"a@b.example","firstName":"Ada\\nBcc: x"}  | firstName   | must not contain line breaks
          line separator in a name | {"email":"a@b.example","lastName":"Ada\\u2028Bcc"}  | lastName    | must not contain line breaks
          bidi override in a name  | {"email":"a@b.example","company":"\\u202Eevil"}    | company     | must not contain line breaks
          zero-width in a name     | {"email":"a@b.example","firstName":"A\\u200Bda"}   | firstName   | must not contain line breaks
          zero-width in an email   | {"email":"ada@b.example\\u200B"}                    | email       | must not contain line breaks
          a list, not a lead       | [1,2]                                                | body        | expected an object
          phone letters            | {"email":"a@b.example","phone":"call me"}            | phone       | must be a phone number
          negative company size    | {"email":"a@b.example","companySize":-1}             | companySize | must be 0 or more
          company size as words    | {"email":"a@b.example","companySize":"many"}         | companySize | expected a whole number, got 'many'
          three-letter country     | {"email":"a@b.example","country":"GBR"}              | country     | must be a two-letter ISO 3166 country code
          source with a slash      | {"email":"a@b.example","source":"web/form"}          | source      | must be letters, digits
          consent as text          | {"email":"a@b.example","consent":"yes please"}       | consent     | expected true or false
          misspelt field           | {"emial":"a@b.example"}                              | emial       | is not a field of this request; expected one of attributes, company, companySize
          attributes not an object | {"email":"a@b.example","attributes":["x"]}           | attributes  | expected an object of text values
          not JSON                 | {"email":                                            | body        | is not valid JSON
          """)
  void badLeadField(String name, String body, String field, String message) throws Exception {
    long before = store.count(null);
    String json = body.replace("#LONG#", "a".repeat(330));

    mvc.perform(post("/api/leads").contentType(MediaType.APPLICATION_JSON).content(json))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(message)))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(field + ": ")));

    assertThat(store.count(null)).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "a value of thousands of characters in any text field is a 400 naming the field and its limit, not a 500")
  void veryLongValues() throws Exception {
    String email = LeadFixtures.unique("long", "bigco.example");
    for (String field : new String[] {"firstName", "lastName", "company", "title", "referredBy"}) {
      String json =
          "{\"email\":\"" + email + "\",\"" + field + "\":\"" + "A".repeat(50_000) + "\"}";
      mvc.perform(post("/api/leads").contentType(MediaType.APPLICATION_JSON).content(json))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(field));
    }
    mvc.perform(
            post("/api/leads")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + "a".repeat(5_000) + "@bigco.example\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"));
  }

  @Test
  @DisplayName("spaces around an email are ignored, as the README says and the import does")
  void spacesAroundAnEmail() throws Exception {
    String email = LeadFixtures.unique("spaces", "bigco.example");
    mvc.perform(
            post("/api/leads")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"  " + email + " \\t\"}"))
        .andExpect(status().isAccepted());
    assertThat(store.findByEmail(email)).isPresent();
    mvc.perform(
            post("/api/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\" " + email + " \",\"eventId\":\"e-1\",\"type\":\"email-click\"}"))
        .andExpect(status().isAccepted());
  }

  @Test
  @DisplayName("several bad fields are all named at once")
  void severalBadFields() throws Exception {
    mvc.perform(
            post("/api/leads")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"nope\",\"country\":\"United Kingdom\",\"companySize\":-5}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(3))
        .andExpect(jsonPath("$.errors[0].field").value("companySize"))
        .andExpect(jsonPath("$.errors[1].field").value("country"))
        .andExpect(jsonPath("$.errors[2].field").value("email"));
  }

  @Test
  @DisplayName("a bad attribute name is refused, naming the attribute")
  void badAttributeName() throws Exception {
    mvc.perform(
            post("/api/leads")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"a@b.example\",\"attributes\":{\"has space\":\"x\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("attributes")))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("names must be letters, digits, '-', '_' or '.'"));
  }

  @Test
  @DisplayName("a body over the limit gets 413 and stores nothing")
  void oversizedBody() throws Exception {
    long before = store.count(null);
    String big = "{\"email\":\"a@b.example\",\"title\":\"" + "x".repeat(70_000) + "\"}";

    mvc.perform(post("/api/leads").contentType(MediaType.APPLICATION_JSON).content(big))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(
            jsonPath("$.detail").value("The request body is larger than the limit of 64 KB."));
    assertThat(store.count(null)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("a bad event field is refused with its name and what is expected")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          event id missing   | {"type":"pricing-page"}                                              | eventId    | is required
          type missing       | {"eventId":"e1"}                                                     | type       | is required
          unknown type       | {"eventId":"e1","type":"tiktok-like"}                                | type       | is not an engagement event type; expected one of careers-page
          occurred in future | {"eventId":"e1","type":"pricing-page","occurredAt":"2999-01-01T00:00:00Z"} | occurredAt | must not be in the future
          occurred malformed | {"eventId":"e1","type":"pricing-page","occurredAt":"yesterday"}      | occurredAt | expected a date and time in ISO-8601
          """)
  void badEventField(String name, String body, String field, String message) throws Exception {
    UUID leadId =
        leads.capture(
            org.leadhandoff.lead.LeadContact.ofEmail(LeadFixtures.unique("ev", "co.example")));

    mvc.perform(
            post("/api/leads/" + leadId + "/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(
            jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(message)));
  }

  @Test
  @DisplayName("an event for an unknown lead id is 404; a malformed lead id is 400")
  void unknownLead() throws Exception {
    UUID unknown = UUID.randomUUID();
    mvc.perform(
            post("/api/leads/" + unknown + "/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"eventId\":\"e1\",\"type\":\"pricing-page\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Lead " + unknown + " is not in the lead store."));
    mvc.perform(
            post("/api/leads/not-a-uuid/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"eventId\":\"e1\",\"type\":\"pricing-page\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("leadId"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.startsWith("expected a UUID")));
  }

  @Test
  @DisplayName("listing by an unknown stage or with a bad limit names the parameter")
  void badListParameters() throws Exception {
    mvc.perform(get("/api/leads").param("stage", "HOT"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stage"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.startsWith("expected one of NAME, OUT_OF_PROFILE")));
    mvc.perform(get("/api/leads").param("limit", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"))
        .andExpect(jsonPath("$.errors[0].message").value("must be 1 or more"));
  }
}
