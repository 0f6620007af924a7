package org.leadhandoff.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A human task as the inbox holds it.
 *
 * @param id the engine's job key of the task
 * @param variables the task's variables when the inbox last saw it (for the form)
 */
public record Task(
    long id,
    long processInstanceKey,
    String processId,
    String elementId,
    String name,
    String formId,
    UUID leadId,
    List<String> candidateGroups,
    String assignee,
    Instant dueAt,
    int priority,
    Map<String, Object> variables,
    TaskState state,
    Instant createdAt,
    Instant lastSeenAt,
    Instant completedAt,
    String completedBy) {}
