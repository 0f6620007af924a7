package org.leadhandoff.intake;

import java.util.UUID;

/**
 * What a capture did.
 *
 * @param created true if a new lead (and lifecycle) was created, false if the email was already a
 *     lead
 */
public record CaptureResult(UUID leadId, boolean created) {}
