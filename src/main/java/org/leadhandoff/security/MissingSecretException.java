package org.leadhandoff.security;

/** A secret the application cannot run without in this setup was not given. */
public class MissingSecretException extends RuntimeException {

  private final String property;
  private final String environmentVariable;

  public MissingSecretException(String property, String environmentVariable, String why) {
    super(why);
    this.property = property;
    this.environmentVariable = environmentVariable;
  }

  public String property() {
    return property;
  }

  public String environmentVariable() {
    return environmentVariable;
  }
}
