package org.leadhandoff.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts an engine of its own (its own application, a restart, a model alone).
 * The in-memory engine keeps some response state in static fields, so two engines alive in one JVM
 * can hand one's response to the other's caller (seen: a create command that never answered, a job
 * batch of one engine at the other's worker). The build runs these classes each in a JVM of its
 * own, apart from the shared application context (see the pom's "own-engine" execution).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(OwnEngine.TAG)
public @interface OwnEngine {
  String TAG = "own-engine";
}
