package org.leadhandoff.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which secret is missing and how to give it, instead of a stack trace. */
public class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretException cause) {
    return new FailureAnalysis(
        "A required secret is missing: " + cause.property() + ". " + cause.getMessage(),
        "Set the environment variable "
            + cause.environmentVariable()
            + " (from your secret store, never in a file in git) and start the application again.",
        cause);
  }
}
