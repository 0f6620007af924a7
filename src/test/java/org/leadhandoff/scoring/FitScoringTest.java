package org.leadhandoff.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FitScoringTest {

  private final FitScoring scoring = new FitScoring(TestCriteria.load());

  @ParameterizedTest(name = "{0}")
  @DisplayName("fit points, grade and profile decision")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # case                         | email                   | size | industry          | country | title                  | points | grade | inProfile
          ideal buyer                    | ada@bigco.example       | 500  | Software          | gb      | CTO                    | 90     | A     | true
          medium fit                     | bob@midco.example       | 100  | Financial Services| US      | Finance Manager        | 60     | B     | true
          threshold exactly in profile   | cy@co.example           | 100  | -                 | GB      | -                      | 35     | C     | false
          sparse lead: email only        | dee@co.example          | -    | -                 | -       | -                      | 0      | D     | false
          free email, tiny, no title     | eve@gmail.com           | 3    | Retail            | FR      | -                      | -30    | D     | false
          student at a school            | fred@uni.example        | 20   | Education         | GB      | Student                | -5     | D     | false
          competitor                     | spy@rival.example       | 500  | Software          | GB      | Head of Product        | -25    | D     | false
          mixed-case free domain         | Gil@GMAIL.com           | 500  | software          | GB      | VP Sales               | 65     | B     | true
          unknown industry               | hal@co.example          | 500  | Basket Weaving    | GB      | Director of Operations | 65     | B     | true
          """)
  void scoresFit(
      String name,
      String email,
      Integer size,
      String industry,
      String country,
      String title,
      int points,
      Grade grade,
      boolean inProfile) {
    FitScore score = scoring.score(new FitProfile(email, size, industry, country, title, Map.of()));

    assertThat(score.points()).as("points; explanation %s", score.explanation()).isEqualTo(points);
    assertThat(score.grade()).isEqualTo(grade);
    assertThat(score.inProfile()).isEqualTo(inProfile);
    assertThat(score.explanation().stream().mapToInt(ScoreLine::points).sum()).isEqualTo(points);
  }

  @Test
  @DisplayName("the explanation names each rule that fired, with its points")
  void explainsEveryRule() {
    FitScore score =
        scoring.score(
            new FitProfile(
                "ada@bigco.example",
                500,
                "Software",
                "GB",
                "Chief Technology Officer",
                Map.of("existing-customer", "TRUE")));

    assertThat(score.explanation())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("code", "facts")
        .containsExactly(
            new ScoreLine("fit.company-size", 25, "500 employees (250+)"),
            new ScoreLine("fit.industries", 20, "industry software"),
            new ScoreLine("fit.countries", 10, "country GB"),
            new ScoreLine("fit.titles", 25, "executive (title has 'chief')"),
            new ScoreLine("fit.email.business-domain-points", 10, "business email bigco.example"),
            new ScoreLine("fit.attributes", 15, "existing customer"));
    assertThat(score.points()).isEqualTo(105);
    // The same as codes and facts, which each reader's page writes in its language.
    assertThat(score.explanation())
        .extracting(ScoreLine::code, ScoreLine::facts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SIZE", Map.of("size", 500, "range", "250+")),
            org.assertj.core.groups.Tuple.tuple("INDUSTRY", Map.of("industry", "software")),
            org.assertj.core.groups.Tuple.tuple("COUNTRY", Map.of("country", "GB")),
            org.assertj.core.groups.Tuple.tuple(
                "TITLE", Map.of("label", "executive", "word", "chief")),
            org.assertj.core.groups.Tuple.tuple(
                "EMAIL_BUSINESS", Map.of("domain", "bigco.example")),
            org.assertj.core.groups.Tuple.tuple("ATTRIBUTE", Map.of("label", "existing customer")));
  }

  @Test
  @DisplayName("a title word must be a whole word: 'Directory admin' is not a director")
  void titleWordsAreWholeWords() {
    FitScore score =
        scoring.score(
            new FitProfile("x@co.example", null, null, null, "Directory admin", Map.of()));

    assertThat(score.explanation()).extracting(ScoreLine::rule).doesNotContain("fit.titles");
  }

  @Test
  @DisplayName("an email without a domain scores nothing for the domain instead of failing")
  void malformedEmail() {
    FitScore score = scoring.score(new FitProfile("no-at-sign", null, null, null, null, null));

    assertThat(score.explanation())
        .contains(new ScoreLine("fit.email", 0, "email domain unknown").said("EMAIL_UNKNOWN"));
  }
}
