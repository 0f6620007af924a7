package org.leadhandoff.lead;

import org.leadhandoff.support.PostgresStoreTest;

/** The lead store on PostgreSQL, the production database, migrated by the same Flyway scripts. */
@PostgresStoreTest
class PostgresLeadStoreTest extends LeadStoreContract {}
