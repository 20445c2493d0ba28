package com.boothdesk.app.store;

/** {@link OrderIdBlocksTest} on a real PostgreSQL (the site database). */
class OrderIdBlocksOnPostgresTest extends OrderIdBlocksTest {

    OrderIdBlocksOnPostgresTest() {
        stores = TestStore.postgres();
    }
}
