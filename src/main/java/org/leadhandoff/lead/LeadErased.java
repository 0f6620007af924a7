package org.leadhandoff.lead;

import java.util.UUID;

/**
 * Published inside the erasure's transaction: capabilities that hold work for the lead (open tasks,
 * assignments) end it in the same transaction.
 */
public record LeadErased(UUID leadId) {}
