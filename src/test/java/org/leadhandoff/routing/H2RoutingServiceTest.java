package org.leadhandoff.routing;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.ANY)
class H2RoutingServiceTest extends RoutingServiceContract {}
