package org.leadhandoff.web;

import org.springframework.http.HttpStatus;

/** A refusal with its own status: answered as a problem whose detail is the message. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final java.util.List<ApiErrors.FieldError> errors;

  public ApiException(HttpStatus status, String title, String message) {
    this(status, title, message, java.util.List.of());
  }

  /** A refusal naming each bad field. */
  public ApiException(
      HttpStatus status,
      String title,
      String message,
      java.util.List<ApiErrors.FieldError> errors) {
    super(message);
    this.status = status;
    this.title = title;
    this.errors = java.util.List.copyOf(errors);
  }

  public java.util.List<ApiErrors.FieldError> errors() {
    return errors;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
