package org.leadhandoff.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  @DisplayName("values become lower-case words joined by hyphens; keys stay as they are")
  void normalise() {
    assertThat(Keys.normalise(" Financial Services ")).isEqualTo("financial-services");
    assertThat(Keys.normalise("Demo_Request")).isEqualTo("demo-request");
    assertThat(Keys.normalise("--page  visit--")).isEqualTo("page-visit");
    assertThat(Keys.normalise("a--b")).isEqualTo("a-b");
    assertThat(Keys.normalise("Größe 2")).isEqualTo("größe-2");
    assertThat(Keys.normalise(null)).isNull();
    String key = "webinar-attended";
    assertThat(Keys.normalise(key)).isSameAs(key);
    assertThat(Keys.isKey("pricing-page")).isTrue();
    assertThat(Keys.isKey("Pricing-page")).isFalse();
    assertThat(Keys.isKey("pricing--page")).isFalse();
    assertThat(Keys.isKey("-pricing")).isFalse();
    assertThat(Keys.isKey("")).isFalse();
  }
}
