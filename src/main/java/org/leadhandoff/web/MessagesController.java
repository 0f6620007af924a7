package org.leadhandoff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leadhandoff.system.MessageCatalogue;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The message catalogue for the pages: every text they show, in the reader's language. */
@RestController
@Tag(name = "Messages", description = "The texts of the pages, in English and German")
class MessagesController {

  private final MessageCatalogue catalogue;

  MessagesController(MessageCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  record Messages(
      String language, List<MessageCatalogue.Language> languages, Map<String, String> messages) {}

  @GetMapping("/api/messages")
  @Operation(
      summary = "Every text of the pages in one language",
      description =
          "lang (en, de) wins over the Accept-Language header; an unknown language gives English."
              + " Open to everyone: the sign-in page reads it too.")
  ResponseEntity<Messages> messages(
      @RequestParam(required = false) String lang,
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
    Locale language = catalogue.language(lang, accept);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
        .body(new Messages(language.getLanguage(), catalogue.languages(), catalogue.all(language)));
  }
}
