package org.leadhandoff.web;

/** A request field that is well-formed but not acceptable; answered with 400 naming the field. */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
