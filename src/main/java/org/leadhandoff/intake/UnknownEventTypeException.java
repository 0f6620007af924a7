package org.leadhandoff.intake;

import java.util.Collection;

/** An engagement event type that the criteria do not weigh. */
public class UnknownEventTypeException extends IllegalArgumentException {

  public UnknownEventTypeException(String type, Collection<String> known) {
    super(
        "type '"
            + type
            + "' is not an engagement event type; expected one of "
            + String.join(", ", known));
  }
}
