package org.leadhandoff.intake;

import java.util.UUID;

/** The variables a captured lead starts its lifecycle with: its id, no contact data. */
public record LeadCaptured(UUID leadId) {}
