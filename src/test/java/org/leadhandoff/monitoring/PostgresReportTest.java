package org.leadhandoff.monitoring;

import org.leadhandoff.support.PostgresStoreTest;

/** The funnel report on PostgreSQL, the production database. */
@PostgresStoreTest
class PostgresReportTest extends ReportContract {}
