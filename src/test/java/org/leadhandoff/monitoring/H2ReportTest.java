package org.leadhandoff.monitoring;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** The funnel report on the embedded default database, H2. */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.ANY)
class H2ReportTest extends ReportContract {}
