package com.boothdesk.app.store;

/** {@link JdbcGateEventLogTest} on a real PostgreSQL (the site database). */
class JdbcGateEventLogOnPostgresTest extends JdbcGateEventLogTest {

    JdbcGateEventLogOnPostgresTest() {
        stores = TestStore.postgres();
    }
}
