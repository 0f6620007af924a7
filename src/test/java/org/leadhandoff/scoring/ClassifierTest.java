package org.leadhandoff.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {

  private final Classifier classifier = new Classifier(TestCriteria.load());

  @ParameterizedTest(name = "{0}")
  @DisplayName("temperature, source category and priority")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # case                              | grade | handRaise | mql   | bant  | source     | referredBy | temperature | category      | priority
          BANT confirmed                      | B     | false     | true  | true  | web-form   | -          | HOT         | MARKETING     | 80
          hand-raise from grade A             | A     | true      | true  | -     | web-form   | -          | HOT         | MARKETING     | 85
          hand-raise from grade C             | C     | true      | true  | -     | Web Form   | -          | WARM        | MARKETING     | 50
          engaged to MQL                      | B     | false     | true  | -     | partner    | -          | WARM        | PARTNER       | 50
          BANT partly confirmed               | B     | false     | true  | false | outbound   | -          | WARM        | SALES_SOURCED | 50
          not engaged                         | D     | false     | false | -     | -          | -          | COLD        | MARKETING     | 20
          referral comes first                | A     | true      | true  | true  | web-form   | Grace      | HOT         | REFERRAL      | 100
          unknown source is marketing         | C     | false     | false | -     | billboard  | -          | COLD        | MARKETING     | 20
          """)
  void classifies(
      String name,
      Grade grade,
      boolean handRaise,
      boolean mql,
      Boolean bant,
      String source,
      String referredBy,
      Temperature temperature,
      SourceCategory category,
      int priority) {
    EngagementScore engagement = new EngagementScore(0, handRaise, mql, List.of());
    Bant answers = bant == null ? null : new Bant(true, true, true, bant);

    Classification result = classifier.classify(grade, engagement, answers, source, referredBy);

    assertThat(result.temperature()).isEqualTo(temperature);
    assertThat(result.sourceCategory()).isEqualTo(category);
    assertThat(result.priority()).as("%s", result.explanation()).isEqualTo(priority);
    assertThat(result.grade()).isEqualTo(grade);
  }
}
