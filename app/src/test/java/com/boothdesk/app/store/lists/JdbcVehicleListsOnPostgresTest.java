package com.boothdesk.app.store.lists;

import com.boothdesk.app.store.TestStore;

/** {@link JdbcVehicleListsTest} on a real PostgreSQL (the site database). */
class JdbcVehicleListsOnPostgresTest extends JdbcVehicleListsTest {

    JdbcVehicleListsOnPostgresTest() {
        stores = TestStore.postgres();
    }
}
