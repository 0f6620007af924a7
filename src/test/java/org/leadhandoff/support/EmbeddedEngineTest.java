package org.leadhandoff.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on its embedded engine (free port) with an in-memory lead store. One
 * context is shared by all such tests; each test starts on a {@link CleanSlate} (no earlier lead
 * process running, no earlier lead, queued message or mail in the store). Metrics are exported as
 * in production (Spring Boot's tests switch them off otherwise).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// A real web server too, for what MockMvc cannot send (chunked bodies, a browser's cookies).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
@ExtendWith(CleanSlate.BeforeEachTest.class)
@Import({
  CleanSlate.class,
  ProcessTestSupport.class,
  LeadFixtures.class,
  TestIdentity.class,
  TestIdentityProvider.class,
  StoreOutage.class,
  EngineOutage.class
})
public @interface EmbeddedEngineTest {}
