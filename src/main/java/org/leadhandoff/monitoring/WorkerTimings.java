package org.leadhandoff.monitoring;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.exception.BpmnError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.stereotype.Component;

/**
 * Times every job worker ({@code leadhandoff_worker_latency_seconds}, per job type and outcome:
 * completed, bpmn-error, failed), so a slow store or SMTP server shows on a dashboard before it
 * shows as SLA misses.
 */
@Aspect
@Component
class WorkerTimings {

  private final MeterRegistry registry;

  WorkerTimings(MeterRegistry registry) {
    this.registry = registry;
  }

  @Around("@annotation(worker)")
  Object time(ProceedingJoinPoint call, JobWorker worker) throws Throwable {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "completed";
    try {
      return call.proceed();
    } catch (BpmnError e) {
      outcome = "bpmn-error";
      throw e;
    } catch (Throwable t) {
      outcome = "failed";
      throw t;
    } finally {
      sample.stop(
          Timer.builder("leadhandoff.worker.latency")
              .description("Time a job worker takes to handle a job")
              .tag("type", worker.type())
              .tag("outcome", outcome)
              .register(registry));
    }
  }
}
