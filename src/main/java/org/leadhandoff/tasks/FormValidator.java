package org.leadhandoff.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * Checks submitted form data against the form itself, as form-js does in the browser: the same
 * {@code .form} file, its required fields, allowed values, lengths, limits and dates, and its FEEL
 * conditions for hiding fields (a hidden field is neither checked nor kept). So a designer changes
 * a rule once, in Camunda Modeler, and the server enforces it too.
 */
public final class FormValidator {

  /** One problem with one field: its key, and a sentence that names it by its label. */
  public record Problem(String field, String message) {}

  /** What a submission gives: the problems, or the variables to complete the task with. */
  public record Result(List<Problem> problems, Map<String, Object> variables) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final Set<String> INPUT_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "datetime",
          "taglist");

  private final List<JsonNode> fields = new ArrayList<>();

  public FormValidator(ObjectMapper json, String formJson) {
    try {
      collect(json.readTree(formJson).path("components"));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("The form is not valid JSON", e);
    }
  }

  private void collect(JsonNode components) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.get("components"));
      }
      if (component.hasNonNull("key") && INPUT_TYPES.contains(component.path("type").asText())) {
        fields.add(component);
      }
    }
  }

  /**
   * @param context the task's variables, which the form's conditions may read
   * @param submitted what the person entered
   */
  public Result validate(Map<String, Object> context, Map<String, Object> submitted) {
    Map<String, Object> scope = new HashMap<>(context);
    scope.putAll(submitted);
    List<Problem> problems = new ArrayList<>();
    Map<String, Object> variables = new LinkedHashMap<>();
    Set<String> keys = fields.stream().map(f -> f.get("key").asText()).collect(Collectors.toSet());
    for (String key : submitted.keySet()) {
      if (!keys.contains(key)) {
        problems.add(new Problem(key, "'" + key + "' is not a field of this form"));
      }
    }
    for (JsonNode field : fields) {
      String key = field.get("key").asText();
      if (hidden(field, scope)) {
        continue;
      }
      Object value = submitted.get(key);
      String label = field.path("label").asText(key);
      JsonNode validate = field.path("validate");
      if (empty(value, field)) {
        if (validate.path("required").asBoolean(false)) {
          problems.add(new Problem(key, label + " is required"));
        }
        continue;
      }
      String problem = check(field, value, label, validate);
      if (problem != null) {
        problems.add(new Problem(key, problem));
      } else {
        variables.put(key, value);
      }
    }
    return new Result(List.copyOf(problems), variables);
  }

  /** The label of a field and of each of its values, for messages that use the form's words. */
  public Map<String, String> valueLabels(String key) {
    Map<String, String> labels = new LinkedHashMap<>();
    fields.stream()
        .filter(f -> f.get("key").asText().equals(key))
        .findFirst()
        .ifPresent(
            f ->
                f.path("values")
                    .forEach(v -> labels.put(v.path("value").asText(), v.path("label").asText())));
    return labels;
  }

  private static boolean hidden(JsonNode field, Map<String, Object> scope) {
    String hide = field.path("conditional").path("hide").asText(null);
    if (hide == null || hide.isBlank()) {
      return false;
    }
    String expression = hide.strip().startsWith("=") ? hide.strip().substring(1) : hide;
    EvaluationResult result = FEEL.evaluateExpression(expression, scope);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }

  private static boolean empty(Object value, JsonNode field) {
    if (value == null) {
      return true;
    }
    if (value instanceof String text) {
      return text.isBlank();
    }
    if (value instanceof Collection<?> list) {
      return list.isEmpty();
    }
    // A required checkbox must be ticked.
    return value instanceof Boolean ticked
        && !ticked
        && field.path("type").asText().equals("checkbox");
  }

  private static String check(JsonNode field, Object value, String label, JsonNode validate) {
    String type = field.path("type").asText();
    switch (type) {
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          return label + " must be true or false";
        }
      }
      case "number" -> {
        if (!(value instanceof Number number)) {
          return label + " must be a number";
        }
        if (validate.has("min") && number.doubleValue() < validate.get("min").asDouble()) {
          return label + " must be at least " + validate.get("min").asText();
        }
        if (validate.has("max") && number.doubleValue() > validate.get("max").asDouble()) {
          return label + " must be at most " + validate.get("max").asText();
        }
      }
      case "radio", "select" -> {
        Set<String> allowed = allowed(field);
        if (!(value instanceof String choice) || !allowed.contains(choice)) {
          return label + " must be one of " + String.join(", ", allowed);
        }
      }
      case "checklist", "taglist" -> {
        Set<String> allowed = allowed(field);
        if (!(value instanceof Collection<?> choices)
            || !choices.stream().allMatch(c -> c instanceof String s && allowed.contains(s))) {
          return label + " must be a list of " + String.join(", ", allowed);
        }
      }
      case "datetime" -> {
        if (!(value instanceof String text)) {
          return label + " must be a date like 2026-12-31";
        }
        if ("date".equals(field.path("subtype").asText("date"))) {
          try {
            LocalDate.parse(text);
          } catch (DateTimeParseException e) {
            return label + " must be a date like 2026-12-31";
          }
        }
      }
      default -> {
        if (!(value instanceof String text)) {
          return label + " must be text";
        }
        if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
          return label + " must be at most " + validate.get("maxLength").asInt() + " characters";
        }
        if (validate.has("minLength")
            && text.strip().length() < validate.get("minLength").asInt()) {
          return label + " must be at least " + validate.get("minLength").asInt() + " characters";
        }
      }
    }
    return null;
  }

  private static Set<String> allowed(JsonNode field) {
    Set<String> values = new java.util.LinkedHashSet<>();
    field.path("values").forEach(v -> values.add(v.path("value").asText()));
    return values;
  }
}
