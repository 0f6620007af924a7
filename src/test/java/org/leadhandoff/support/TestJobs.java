package org.leadhandoff.support;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jobs as the engine hands them to a worker, for worker tests without an engine. {@code
 * ActivatedJob} is the Camunda client's type, so it is stubbed with what the workers read.
 */
public final class TestJobs {

  private static final AtomicLong KEYS = new AtomicLong(2_251_799_813_685_000L);

  private TestJobs() {}

  /** A new job of the element: a fresh element instance, as on a first pass. */
  public static ActivatedJob job(
      String type, String processId, String elementId, Map<String, String> headers) {
    return job(type, processId, elementId, KEYS.incrementAndGet(), headers);
  }

  /** The job of a given element instance: the same key again is a redelivery. */
  public static ActivatedJob job(
      String type,
      String processId,
      String elementId,
      long elementInstanceKey,
      Map<String, String> headers) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(KEYS.incrementAndGet());
    when(job.getType()).thenReturn(type);
    when(job.getBpmnProcessId()).thenReturn(processId);
    when(job.getElementId()).thenReturn(elementId);
    when(job.getElementInstanceKey()).thenReturn(elementInstanceKey);
    when(job.getProcessInstanceKey()).thenReturn(KEYS.incrementAndGet());
    when(job.getCustomHeaders()).thenReturn(headers);
    when(job.getRetries()).thenReturn(3);
    return job;
  }
}
