package org.leadhandoff.lead;

/**
 * The stages of a lead's life. The names are the product's vocabulary (see the README); the BPMN
 * models refer to them by name in the {@code stage} header of their milestone events.
 */
public enum Stage {
  NAME,
  OUT_OF_PROFILE,
  IN_PROFILE,
  MQL,
  SAL,
  SQL,
  OPPORTUNITY,
  RECYCLED,
  DISQUALIFIED
}
