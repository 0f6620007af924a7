package org.leadhandoff.web;

import java.io.IOException;

/**
 * A request body read past its limit, whatever its transfer encoding: wherever it surfaces (a JSON
 * parser, a file copy), the answer is 413.
 */
public class BodyTooLargeException extends IOException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("Request body over the limit of " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
