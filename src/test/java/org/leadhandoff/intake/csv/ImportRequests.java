package org.leadhandoff.intake.csv;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A file sent to the import endpoint as the import page sends it, and the import's status. */
final class ImportRequests {

  private ImportRequests() {}

  static UUID upload(MockMvc mvc, ObjectMapper json, String name, byte[] bytes) throws Exception {
    var file = new MockMultipartFile("file", name, "text/csv", bytes);
    String body =
        mvc.perform(multipart("/api/leads/import").file(file).param("source", "trade-show"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(json.readTree(body).get("importId").asText());
  }

  static ImportStatus statusOf(MockMvc mvc, ObjectMapper json, UUID importId) throws Exception {
    return json.readValue(
        mvc.perform(get("/api/imports/" + importId)).andReturn().getResponse().getContentAsString(),
        ImportStatus.class);
  }
}
