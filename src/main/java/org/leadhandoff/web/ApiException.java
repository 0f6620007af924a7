package org.leadhandoff.web;

import org.springframework.http.HttpStatus;

/** A refusal with its own status: answered as a problem whose detail is the message. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  public ApiException(HttpStatus status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
