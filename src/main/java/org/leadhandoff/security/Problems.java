package org.leadhandoff.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.leadhandoff.web.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Security refusals as the rest of the API answers errors: RFC 9457 problems with a sentence. */
final class Problems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), ApiErrors.problem(status, title, detail, null));
  }
}
