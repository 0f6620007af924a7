package org.leadhandoff.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The handoff's business counters, for Prometheus at /actuator/prometheus (as {@code
 * leadhandoff_*_total}). Each is counted when the store records the fact for the first time, so a
 * retried worker does not count twice. Worker latency comes from the Camunda client itself ({@code
 * camunda_job_invocations_*}, per job type and outcome).
 */
@Component
public class LeadMetrics {

  private final MeterRegistry registry;

  LeadMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A capture made a new lead (created) or updated a known person (merged). */
  public void captured(boolean created) {
    counter(
            "leadhandoff.leads.captured",
            "Leads captured",
            "outcome",
            created ? "created" : "merged")
        .increment();
    if (created) {
      stageEntered("NAME");
    }
  }

  /** A lead entered a stage (NAME at its capture). */
  public void stageEntered(String stage) {
    counter("leadhandoff.stage.transitions", "Leads entering each stage", "to", stage).increment();
  }

  /** An owner let a task's deadline pass. */
  public void slaMissed(String role) {
    counter("leadhandoff.sla.breaches", "Human tasks not worked by their deadline", "role", role)
        .increment();
  }

  public void rerouted(String role, String cause) {
    registry.counter("leadhandoff.reroutes", "role", role, "cause", cause).increment();
  }

  public void escalated(String role, String code) {
    registry.counter("leadhandoff.escalations", "role", role, "reason", code).increment();
  }

  public void mailSent() {
    counter("leadhandoff.mail", "Mails handed to the SMTP server, or failed", "outcome", "sent")
        .increment();
  }

  public void mailFailed() {
    counter("leadhandoff.mail", "Mails handed to the SMTP server, or failed", "outcome", "failed")
        .increment();
  }

  private Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(name).description(description).tag(tag, value).register(registry);
  }
}
