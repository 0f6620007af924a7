package org.leadhandoff.tasks;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What the inbox needs to know of the deployed models and forms: each user task's name and form,
 * read from the same files under {@code bpmn/} and {@code forms/} that are deployed.
 */
@Component
public class ModelCatalog {

  /** A user task as modelled. */
  public record TaskDefinition(String processId, String elementId, String name, String formId) {}

  private final Map<String, TaskDefinition> tasks = new HashMap<>();
  private final Map<String, String> forms = new HashMap<>();

  ModelCatalog() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (Resource resource : resolver.getResources("classpath*:bpmn/**/*.bpmn")) {
        try (InputStream in = resource.getInputStream()) {
          BpmnModelInstance model = Bpmn.readModelFromStream(in);
          for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String processId = task.getScope() == null ? null : processOf(task);
            ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
            tasks.put(
                processId + "/" + task.getId(),
                new TaskDefinition(
                    processId,
                    task.getId(),
                    task.getName(),
                    form == null ? null : form.getFormId()));
          }
        }
      }
      for (Resource resource : resolver.getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = resource.getInputStream()) {
          String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          String id =
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("id").asText();
          forms.put(id, json);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the models and forms", e);
    }
  }

  private static String processOf(UserTask task) {
    var element = task.getParentElement();
    while (element != null && !(element instanceof io.camunda.zeebe.model.bpmn.instance.Process)) {
      element = element.getParentElement();
    }
    return element == null
        ? null
        : ((io.camunda.zeebe.model.bpmn.instance.Process) element).getId();
  }

  public Optional<TaskDefinition> task(String processId, String elementId) {
    return Optional.ofNullable(tasks.get(processId + "/" + elementId));
  }

  /** The form's schema, as Camunda Modeler saved it. */
  public Optional<String> form(String formId) {
    return Optional.ofNullable(forms.get(formId));
  }
}
