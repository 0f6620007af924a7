package org.leadhandoff.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadhandoff.scoring.ScoringCriteria;
import org.leadhandoff.web.InvalidFieldException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;
import org.springframework.validation.Validator;

/**
 * Binds alternative criteria the way criteria.yaml is bound: the same keys, the same conversions
 * (P14D, kebab-case names) and the same validation, laid over the criteria configured now, so a
 * designer sends only what changes.
 */
@Component
class CriteriaOverride {

  static final String PREFIX = "lead-handoff.criteria";

  private final ConfigurableEnvironment environment;
  private final Validator validator;

  CriteriaOverride(ConfigurableEnvironment environment, Validator validator) {
    this.environment = environment;
    this.validator = validator;
  }

  ScoringCriteria bind(Map<String, Object> override) {
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten(PREFIX, override == null ? Map.of() : override, flat);
    List<ConfigurationPropertySource> sources = new ArrayList<>();
    sources.add(new MapConfigurationPropertySource(flat));
    ConfigurationPropertySources.get(environment).forEach(sources::add);
    try {
      return new Binder(sources)
          .bind(
              PREFIX,
              Bindable.of(ScoringCriteria.class),
              new ValidationBindHandler(
                  new IgnoreTopLevelConverterNotFoundBindHandler(), validator))
          .orElseThrow(() -> new InvalidFieldException("criteria", "no criteria to bind"));
    } catch (BindException e) {
      throw invalid(e);
    }
  }

  private static InvalidFieldException invalid(BindException e) {
    Throwable cause = e.getCause();
    if (cause instanceof BindValidationException validation
        && !validation.getValidationErrors().getAllErrors().isEmpty()) {
      var error = validation.getValidationErrors().getAllErrors().getFirst();
      String field =
          error instanceof org.springframework.validation.FieldError f
              ? f.getObjectName() + "." + f.getField()
              : error.getObjectName();
      return new InvalidFieldException(
          "criteria." + field.replaceFirst("^" + PREFIX + "\\.?", ""), error.getDefaultMessage());
    }
    String property =
        e.getProperty() == null ? e.getName().toString() : e.getProperty().getName().toString();
    String message = cause == null ? e.getMessage() : rootMessage(cause);
    return new InvalidFieldException(
        "criteria." + property.replaceFirst("^" + PREFIX + "\\.?", ""), message);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(t);
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object value, Map<String, Object> flat) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> flatten(prefix + "." + k, v, flat));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), flat);
      }
    } else {
      flat.put(prefix, value == null ? "" : String.valueOf(value));
    }
  }
}
