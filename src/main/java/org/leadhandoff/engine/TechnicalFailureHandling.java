package org.leadhandoff.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A worker that throws fails its job with a backoff and a one-line message that Operate shows on
 * the incident when retries run out, instead of a Java stack trace. Business outcomes (BPMN errors)
 * and explicit job errors keep the SDK's handling.
 */
@Component("jobExceptionHandlingStrategy")
class TechnicalFailureHandling implements JobExceptionHandlingStrategy {

  private static final Logger log = LoggerFactory.getLogger(TechnicalFailureHandling.class);
  private static final int MAX_MESSAGE = 500;

  private final DefaultJobExceptionHandlingStrategy sdkDefault;
  private final WorkerProperties properties;

  TechnicalFailureHandling(
      CommandExceptionHandlingStrategy commands,
      MetricsRecorder metrics,
      WorkerProperties properties) {
    this.sdkDefault = new DefaultJobExceptionHandlingStrategy(commands, metrics);
    this.properties = properties;
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context)
      throws Exception {
    if (exception instanceof BpmnError || exception instanceof JobError) {
      sdkDefault.handleException(exception, context);
      return;
    }
    ActivatedJob job = context.job();
    int retries = Math.max(job.getRetries() - 1, 0);
    String message = readable(exception);
    log.warn(
        "Job {} ({} at {}/{}) failed, {} retries left: {}",
        job.getKey(),
        job.getType(),
        job.getBpmnProcessId(),
        job.getElementId(),
        retries,
        message);
    context
        .jobClient()
        .newFailCommand(job.getKey())
        .retries(retries)
        .retryBackoff(retries > 0 ? properties.retryBackoff() : java.time.Duration.ZERO)
        .errorMessage(message)
        .send();
  }

  /** The failure's own sentence, and its root cause where that says more. */
  static String readable(Throwable exception) {
    Throwable failure = exception;
    // The SDK wraps what the worker method threw.
    while (failure.getCause() != null
        && failure.getMessage() != null
        && failure.getMessage().startsWith("Failed to invoke method")) {
      failure = failure.getCause();
    }
    if (failure instanceof java.lang.reflect.InvocationTargetException ite
        && ite.getTargetException() != null) {
      failure = ite.getTargetException();
    }
    Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure);
    String text = describe(failure);
    if (root != failure) {
      text += " (cause: " + describe(root) + ")";
    }
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE - 1) + "…" : text;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank()
        ? t.getClass().getSimpleName()
        : t.getMessage();
  }
}
