package org.leadhandoff.intake;

import java.util.List;
import java.util.UUID;

/**
 * What a capture did.
 *
 * @param created true if a new lead (and lifecycle) was created, false if the email was already a
 *     lead
 * @param kept fields of the lead that the capture brought other values for and that were kept (only
 *     when merging by {@link org.leadhandoff.lead.LeadContact.Merge#FILL})
 */
public record CaptureResult(UUID leadId, boolean created, List<String> kept) {

  public CaptureResult(UUID leadId, boolean created) {
    this(leadId, created, List.of());
  }
}
