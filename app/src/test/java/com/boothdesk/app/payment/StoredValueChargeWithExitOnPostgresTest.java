package com.boothdesk.app.payment;

import com.boothdesk.app.store.TestStore;

/** {@link StoredValueChargeWithExitTest} on a real PostgreSQL (the site database). */
class StoredValueChargeWithExitOnPostgresTest extends StoredValueChargeWithExitTest {

    StoredValueChargeWithExitOnPostgresTest() {
        stores = TestStore.postgres();
    }
}
