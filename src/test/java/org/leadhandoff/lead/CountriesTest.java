package org.leadhandoff.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CountriesTest {

  @Test
  @DisplayName(
      "codes, three-letter codes, names in several languages and what people write become ISO codes")
  void namesAndAliases() {
    assertThat(Countries.code("gb")).isEqualTo("GB");
    assertThat(Countries.code("DEU")).isEqualTo("DE");
    assertThat(Countries.code("Germany")).isEqualTo("DE");
    assertThat(Countries.code("Deutschland")).isEqualTo("DE");
    assertThat(Countries.code("Allemagne")).isEqualTo("DE");
    assertThat(Countries.code("United States")).isEqualTo("US");
    assertThat(Countries.code("USA")).isEqualTo("US");
    assertThat(Countries.code("U.S.A.")).isEqualTo("US");
    assertThat(Countries.code("UK")).isEqualTo("GB");
    assertThat(Countries.code("United Kingdom")).isEqualTo("GB");
    assertThat(Countries.code("England")).isEqualTo("GB");
    assertThat(Countries.code("Ireland")).isEqualTo("IE");
    assertThat(Countries.code("Irlande")).isEqualTo("IE");
    assertThat(Countries.code("France")).isEqualTo("FR");
    assertThat(Countries.code("Schweiz")).isEqualTo("CH");
    assertThat(Countries.code("Österreich")).isEqualTo("AT");
    assertThat(Countries.code("Holland")).isEqualTo("NL");
    assertThat(Countries.code("Côte d’Ivoire")).isEqualTo("CI");
    assertThat(Countries.code("España")).isEqualTo("ES");
    assertThat(Countries.code("Großbritannien")).isEqualTo("GB");
    assertThat(Countries.code("Éire")).isEqualTo("IE");
    assertThat(Countries.code("Hong Kong")).isEqualTo("HK");
    assertThat(Countries.code("Deutschland (DE)")).isEqualTo("DE");
    assertThat(Countries.code("Atlantis (AT-X)")).isNull();
    assertThat(Countries.code("Atlantis")).isNull();
    assertThat(Countries.code(" ")).isNull();
  }
}
