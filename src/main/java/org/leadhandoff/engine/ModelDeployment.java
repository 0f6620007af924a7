package org.leadhandoff.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model and decision under {@code bpmn/} and every form under {@code forms/} in one
 * deployment at start-up, so that user tasks bind their forms and business rule tasks their
 * decisions with {@code bindingType="deployment"}. Runs before any job worker opens; a deployment
 * the engine rejects stops start-up.
 */
@Component
class ModelDeployment implements SmartInitializingSingleton {

  static final List<String> LOCATIONS =
      List.of(
          "classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form");

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final CamundaClient client;
  private final List<String> locations;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  @Autowired
  ModelDeployment(CamundaClient client) {
    this(client, LOCATIONS);
  }

  ModelDeployment(CamundaClient client, List<String> locations) {
    this.client = client;
    this.locations = List.copyOf(locations);
  }

  @Override
  public void afterSingletonsInstantiated() {
    deploy();
  }

  void deploy() {
    List<Resource> resources = resources();
    if (resources.isEmpty()) {
      throw new ModelDeploymentException(
          "No models found on the classpath under bpmn/ or forms/", List.of());
    }
    List<String> names = resources.stream().map(Resource::getFilename).toList();
    DeploymentEvent deployment;
    try {
      deployment = command(resources).requestTimeout(TIMEOUT).send().join();
    } catch (RuntimeException e) {
      throw new ModelDeploymentException(engineMessage(e), names, reason(e), address());
    }
    deployment
        .getProcesses()
        .forEach(
            p ->
                log.info(
                    "Deployed process {} version {} from {}",
                    p.getBpmnProcessId(),
                    p.getVersion(),
                    p.getResourceName()));
    deployment
        .getForm()
        .forEach(
            f ->
                log.info(
                    "Deployed form {} version {} from {}",
                    f.getFormId(),
                    f.getVersion(),
                    f.getResourceName()));
  }

  private List<Resource> resources() {
    List<Resource> found = new ArrayList<>();
    for (String location : locations) {
      try {
        found.addAll(Arrays.asList(resolver.getResources(location)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + location, e);
      }
    }
    found.sort(Comparator.comparing(Resource::getFilename));
    return found;
  }

  private DeployResourceCommandStep2 command(List<Resource> resources) {
    DeployResourceCommandStep1 start = client.newDeployResourceCommand();
    DeployResourceCommandStep2 command = null;
    for (Resource resource : resources) {
      byte[] content = read(resource);
      command =
          command == null
              ? start.addResourceBytes(content, resource.getFilename())
              : command.addResourceBytes(content, resource.getFilename());
    }
    return command;
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
    }
  }

  /**
   * The engine's own rejection text is what a process designer needs, not the client's wrapping.
   */
  /** Whether the engine refused the models, or was not there or did not let us in at all. */
  private static ModelDeploymentException.Reason reason(RuntimeException e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof io.camunda.client.api.command.ClientStatusException status) {
        return switch (status.getStatusCode()) {
          case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED ->
              ModelDeploymentException.Reason.UNREACHABLE;
          case UNAUTHENTICATED, PERMISSION_DENIED ->
              ModelDeploymentException.Reason.NOT_AUTHENTICATED;
          default -> ModelDeploymentException.Reason.REFUSED;
        };
      }
      cause = cause.getCause();
    }
    return ModelDeploymentException.Reason.REFUSED;
  }

  private String address() {
    try {
      return String.valueOf(client.getConfiguration().getGrpcAddress());
    } catch (RuntimeException unknown) {
      return null;
    }
  }

  private static String engineMessage(Throwable e) {
    String message =
        e.getMessage() != null
            ? e.getMessage()
            : org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).toString();
    return message.strip();
  }
}
