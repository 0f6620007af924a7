package org.leadhandoff.lead;

import java.time.Instant;
import java.util.UUID;

/** A lead as the lead store holds it: contact data stays here and never enters the engine. */
public record Lead(
    UUID id,
    String emailKey,
    String email,
    String firstName,
    String lastName,
    String company,
    String source,
    Stage stage,
    Instant createdAt,
    Instant updatedAt) {}
