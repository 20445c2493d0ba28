package com.boothdesk.app.store;

/** {@link JdbcIntakeJournalTest} on a real PostgreSQL (the site database). */
class JdbcIntakeJournalOnPostgresTest extends JdbcIntakeJournalTest {

    JdbcIntakeJournalOnPostgresTest() {
        stores = TestStore.postgres();
    }
}
