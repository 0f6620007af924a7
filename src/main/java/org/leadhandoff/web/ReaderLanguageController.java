package org.leadhandoff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.ReaderLanguages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's language: the pages' language menu sets it, and their mails follow. */
@RestController
@Tag(name = "Account")
class ReaderLanguageController {

  private final ReaderLanguages languages;
  private final MessageCatalogue catalogue;

  ReaderLanguageController(ReaderLanguages languages, MessageCatalogue catalogue) {
    this.languages = languages;
    this.catalogue = catalogue;
  }

  /**
   * @param language a shipped language's code: en, de
   * @param chosen whether the person chose it (else it is the installation's default), so that a
   *     new browser follows a choice made in another one
   */
  record Choice(String language, Boolean chosen) {}

  @GetMapping("/api/me/language")
  @Operation(summary = "The language the signed-in person's pages and mails are written in")
  Choice language(Authentication authentication) {
    var chosen = languages.of(authentication.getName());
    return new Choice(chosen.orElse(catalogue.language(null)).getLanguage(), chosen.isPresent());
  }

  @PutMapping("/api/me/language")
  @Operation(
      summary = "Choose the language of one's pages and mails",
      description = "One of the shipped languages (GET /api/messages lists them).")
  Choice choose(Authentication authentication, @RequestBody(required = false) Choice choice) {
    String asked = choice == null || choice.language() == null ? "" : choice.language().strip();
    Locale language =
        MessageCatalogue.LANGUAGES.stream()
            .filter(l -> l.getLanguage().equalsIgnoreCase(asked))
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "Unknown language",
                        "language must be one of "
                            + MessageCatalogue.LANGUAGES.stream().map(Locale::getLanguage).toList()
                            + ", not '"
                            + asked
                            + "'"));
    languages.choose(authentication.getName(), language);
    return new Choice(language.getLanguage(), true);
  }
}
