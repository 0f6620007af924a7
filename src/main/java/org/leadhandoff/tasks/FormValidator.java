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
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;

/**
 * Checks submitted form data against the form itself, as form-js does in the browser: the same
 * {@code .form} file, its required fields, allowed values, lengths, limits and dates, and its FEEL
 * conditions for hiding fields (a hidden field is neither checked nor kept). So a designer changes
 * a rule once, in Camunda Modeler, and the server enforces it too.
 */
public final class FormValidator {

  /**
   * One problem with one field: its key, and why as a code with facts ({@code why.FIELD_*} in the
   * catalogue, the field's label among them), which each reader gets in their own words.
   */
  public record Problem(String field, Why why) {

    /** The problem in English words, for the API's default and the log. */
    public String message() {
      return MessageCatalogue.english(why);
    }
  }

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
  private String formId = "";

  public FormValidator(ObjectMapper json, String formJson) {
    try {
      JsonNode form = json.readTree(formJson);
      formId = form.path("id").asText("");
      collect(form.path("components"));
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
        problems.add(new Problem(key, Why.of("FIELD_UNKNOWN", "key", key)));
      }
    }
    for (JsonNode field : fields) {
      String key = field.get("key").asText();
      if (hidden(field, scope)) {
        continue;
      }
      Object value = submitted.get(key);
      String label = label(field);
      JsonNode validate = field.path("validate");
      if (empty(value, field)) {
        if (validate.path("required").asBoolean(false)) {
          problems.add(new Problem(key, labelled(key, Why.of("FIELD_REQUIRED", "label", label))));
        }
        continue;
      }
      Why problem = check(field, value, label, validate);
      if (problem != null) {
        problems.add(new Problem(key, labelled(key, problem)));
      } else {
        variables.put(key, value);
      }
    }
    return new Result(List.copyOf(problems), variables);
  }

  /** A field's label as the form shows it (a date field's is its dateLabel), else its key. */
  private static String label(JsonNode field) {
    String label = field.path("label").asText("");
    return label.isBlank() ? field.path("dateLabel").asText(field.path("key").asText()) : label;
  }

  /** The label of the field with this key, as the form shows it. */
  public String label(String key) {
    return fields.stream()
        .filter(f -> key.equals(f.path("key").asText()))
        .findFirst()
        .map(FormValidator::label)
        .orElse(key);
  }

  /**
   * The problem with the catalogue's key of the field's label, so that each reader gets the label
   * in their language inside the sentence ({@code form.<formId>.<key>}).
   */
  public Why labelled(String key, Why why) {
    return why.with("labelKey", "form." + formId + "." + key);
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

  private static Why check(JsonNode field, Object value, String label, JsonNode validate) {
    String type = field.path("type").asText();
    switch (type) {
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          return Why.of("FIELD_BOOLEAN", "label", label);
        }
      }
      case "number" -> {
        if (!(value instanceof Number number)) {
          return Why.of("FIELD_NUMBER", "label", label);
        }
        if (validate.has("min") && number.doubleValue() < validate.get("min").asDouble()) {
          return Why.of("FIELD_MIN", "label", label, "min", validate.get("min").numberValue());
        }
        if (validate.has("max") && number.doubleValue() > validate.get("max").asDouble()) {
          return Why.of("FIELD_MAX", "label", label, "max", validate.get("max").numberValue());
        }
      }
      case "radio", "select" -> {
        Set<String> allowed = allowed(field);
        if (!(value instanceof String choice) || !allowed.contains(choice)) {
          return Why.of("FIELD_ONE_OF", "label", label, "values", List.copyOf(allowed));
        }
      }
      case "checklist", "taglist" -> {
        Set<String> allowed = allowed(field);
        if (!(value instanceof Collection<?> choices)
            || !choices.stream().allMatch(c -> c instanceof String s && allowed.contains(s))) {
          return Why.of("FIELD_LIST_OF", "label", label, "values", List.copyOf(allowed));
        }
      }
      case "datetime" -> {
        if (!(value instanceof String text)) {
          return Why.of("FIELD_DATE", "label", label);
        }
        if ("date".equals(field.path("subtype").asText("date"))) {
          try {
            LocalDate.parse(text);
          } catch (DateTimeParseException e) {
            return Why.of("FIELD_DATE", "label", label);
          }
        }
      }
      default -> {
        if (!(value instanceof String text)) {
          return Why.of("FIELD_TEXT", "label", label);
        }
        if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
          return Why.of(
              "FIELD_MAX_LENGTH", "label", label, "count", validate.get("maxLength").asInt());
        }
        if (validate.has("minLength")
            && text.strip().length() < validate.get("minLength").asInt()) {
          return Why.of(
              "FIELD_MIN_LENGTH", "label", label, "count", validate.get("minLength").asInt());
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
