package com.boothdesk.app.store;

/** {@link LotIndexConsistencyTest} on a real PostgreSQL (the site database). */
class LotIndexConsistencyOnPostgresTest extends LotIndexConsistencyTest {

    LotIndexConsistencyOnPostgresTest() {
        stores = TestStore.postgres();
    }
}
