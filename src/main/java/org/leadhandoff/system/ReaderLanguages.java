package org.leadhandoff.system;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The language each person reads in, as they chose it in a page's language menu: their mails follow
 * it, so a rep who works in German gets German mails in an English installation.
 */
@Repository
public class ReaderLanguages {

  private final JdbcClient jdbc;
  private final MessageCatalogue catalogue;
  private final Clock clock;

  ReaderLanguages(JdbcClient jdbc, MessageCatalogue catalogue, Clock clock) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /** The person's language, if they chose one. */
  public Optional<Locale> of(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return jdbc.sql("select language from reader_language where username = ?")
        .param(username)
        .query(String.class)
        .optional()
        .map(catalogue::language);
  }

  /** Keeps the person's choice; a language the catalogue does not ship is not kept. */
  public void choose(String username, Locale language) {
    if (!MessageCatalogue.LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("The language " + language + " is not shipped");
    }
    if (update(username, language) == 0) {
      try {
        jdbc.sql("insert into reader_language (username, language, updated_at) values (?, ?, ?)")
            .params(username, language.getLanguage(), Timestamps.now(clock))
            .update();
      } catch (org.springframework.dao.DuplicateKeyException e) {
        // Two pages of the same person chose at once: the later choice wins.
        update(username, language);
      }
    }
  }

  private int update(String username, Locale language) {
    return jdbc.sql("update reader_language set language = ?, updated_at = ? where username = ?")
        .params(language.getLanguage(), Timestamps.now(clock), username)
        .update();
  }
}
