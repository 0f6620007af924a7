package org.leadhandoff.lead;

import java.util.UUID;

/** A lead id that the lead store does not know. */
public class LeadNotFoundException extends RuntimeException {

  public LeadNotFoundException(UUID leadId) {
    super("Lead " + leadId + " is not in the lead store");
  }
}
