package org.leadhandoff.routing;

import org.leadhandoff.support.PostgresStoreTest;

/** Routing on PostgreSQL, where row locks are real. */
@PostgresStoreTest
class PostgresRoutingServiceTest extends RoutingServiceContract {}
