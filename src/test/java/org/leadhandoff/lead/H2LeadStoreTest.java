package org.leadhandoff.lead;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** The lead store on the embedded default database, H2, migrated by Flyway. */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.ANY)
class H2LeadStoreTest extends LeadStoreContract {}
