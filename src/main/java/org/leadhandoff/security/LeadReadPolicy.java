package org.leadhandoff.security;

import java.util.Set;
import java.util.UUID;

/**
 * Whose leads a person may read (contact data, scores, history, routing). Sales managers, marketing
 * and admins read every lead; the rule for qualifiers and reps belongs to the queues, so the tasks
 * capability implements it.
 */
public interface LeadReadPolicy {

  boolean mayRead(String user, Set<AppRole> roles, UUID leadId);
}
