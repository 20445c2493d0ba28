package com.boothdesk.app.store;

/** {@link JdbcParkSpacesTest} on a real PostgreSQL (the site database). */
class JdbcParkSpacesOnPostgresTest extends JdbcParkSpacesTest {

    JdbcParkSpacesOnPostgresTest() {
        stores = TestStore.postgres();
    }
}
