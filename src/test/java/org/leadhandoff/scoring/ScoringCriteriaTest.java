package org.leadhandoff.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lifecycle.LifecycleSettings;
import org.leadhandoff.qualification.CallSettings;
import org.leadhandoff.routing.SlaSettings;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The shipped criteria.yaml binds, and a bad key stops start-up with a message naming it. */
class ScoringCriteriaTest {

  @Configuration
  @EnableConfigurationProperties({
    ScoringCriteria.class,
    SlaSettings.class,
    LifecycleSettings.class,
    CallSettings.class
  })
  static class CriteriaOnly {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(CriteriaOnly.class)
          .withInitializer(
              context -> {
                try {
                  new YamlPropertySourceLoader()
                      .load("criteria.yaml", new ClassPathResource("criteria.yaml"))
                      .forEach(context.getEnvironment().getPropertySources()::addLast);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });

  @Test
  @DisplayName("the shipped criteria.yaml is complete and valid")
  void shippedCriteriaBind() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          ScoringCriteria criteria = context.getBean(ScoringCriteria.class);
          assertThat(criteria.version()).isNotBlank();
          assertThat(criteria.engagement().events()).containsKeys("pricing-page", "demo-request");
          assertThat(criteria.engagement().events().get("demo-request").handRaise()).isTrue();
          assertThat(criteria.fit().industries()).containsKey("financial-services");
          SlaSettings sla = context.getBean(SlaSettings.class);
          assertThat(sla.firstTouch(Temperature.HOT)).isEqualTo(java.time.Duration.ofHours(4));
          assertThat(sla.repSpecificRejections()).contains("WRONG_TERRITORY");
          assertThat(context.getBean(LifecycleSettings.class).recycleFor())
              .isEqualTo(java.time.Duration.ofDays(90));
          assertThat(context.getBean(CallSettings.class).callAttempts()).isEqualTo(3);
        });
  }

  @Test
  @DisplayName("a duration that is not ISO-8601 stops start-up and names the key")
  void badDurationNamesKey() {
    runner
        .withPropertyValues("lead-handoff.criteria.engagement.half-life=two weeks")
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("two weeks"));
    runner
        .withPropertyValues("lead-handoff.criteria.engagement.half-life=two weeks")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining(
                        "Failed to bind properties under"
                            + " 'lead-handoff.criteria.engagement.half-life'"));
  }

  @Test
  @DisplayName("a missing required value stops start-up and names the key")
  void blankVersionNamesKey() {
    runner
        .withPropertyValues("lead-handoff.criteria.version=")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("lead-handoff.criteria.version"));
  }
}
