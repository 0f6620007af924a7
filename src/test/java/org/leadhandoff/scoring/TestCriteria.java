package org.leadhandoff.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.leadhandoff.lifecycle.LifecycleSettings;
import org.leadhandoff.routing.SlaSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Binds a criteria YAML file from the test classpath the way the application does. */
public final class TestCriteria {

  private TestCriteria() {}

  public static ScoringCriteria load() {
    return load("scoring/test-criteria.yaml");
  }

  public static ScoringCriteria load(String resource) {
    return binder(resource).bindOrCreate("lead-handoff.criteria", ScoringCriteria.class);
  }

  /** The SLA section of the test criteria, as routing gets it. */
  public static SlaSettings sla() {
    return binder("scoring/test-criteria.yaml")
        .bindOrCreate("lead-handoff.criteria.sla", SlaSettings.class);
  }

  /** The lifecycle durations of a criteria file, as the lead lifecycle gets them. */
  public static LifecycleSettings lifecycle(String resource) {
    return binder(resource)
        .bindOrCreate("lead-handoff.criteria.lifecycle", LifecycleSettings.class);
  }

  private static Binder binder(String resource) {
    try {
      StandardEnvironment environment = new StandardEnvironment();
      new YamlPropertySourceLoader()
          .load(resource, new ClassPathResource(resource))
          .forEach(environment.getPropertySources()::addFirst);
      return new Binder(ConfigurationPropertySources.get(environment));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
