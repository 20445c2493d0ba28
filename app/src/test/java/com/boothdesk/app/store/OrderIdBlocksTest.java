package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order numbers come in blocks from the durable sequence: unique across blocks, repositories and restarts. */
class OrderIdBlocksTest {

    /** The database the tests run on (the PostgreSQL subclass sets it). */
    TestStore stores = TestStore.h2();

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void numbersNeverRepeatAcrossBlocksRepositoriesAndRestarts() {
        Set<String> ids = new HashSet<>();
        int made = 0;
        for (int restart = 0; restart < 3; restart++) {
            try (Database db = stores.open(dir)) {
                JdbcOrderRepository a = new JdbcOrderRepository(db, OrderUplinks.NONE);
                JdbcOrderRepository b = new JdbcOrderRepository(db, OrderUplinks.NONE);
                for (int i = 0; i < 2 * JdbcOrderRepository.BLOCK + 17; i++) {
                    ids.add(a.nextOrderId("A1", T0));
                    ids.add(b.nextOrderId("A1", T0));
                    made += 2;
                }
            }
        }
        assertThat(ids).hasSize(made);
        assertThat(ids).allMatch(id -> id.matches("A1_\\d+_\\d+") && id.length() <= 48);
    }

    @Test
    void numbersGivenOneByOneBeforeTheChangeAreBelowEveryBlock() {
        long before;
        try (Database db = stores.open(dir)) {
            // a database of the previous version: the sequence gave one number per order
            before = db.write(c -> {
                long last = 0;
                for (int i = 0; i < 250; i++) {
                    try (var ps = c.prepareStatement("SELECT NEXTVAL('order_seq')"); var rs = ps.executeQuery()) {
                        rs.next();
                        last = rs.getLong(1);
                    }
                }
                return last;
            });
        }
        try (Database db = stores.open(dir)) {
            String id = new JdbcOrderRepository(db, OrderUplinks.NONE).nextOrderId("A1", T0);
            long n = Long.parseLong(id.substring(id.lastIndexOf('_') + 1));
            assertThat(n).isGreaterThan(before);
        }
    }
}
