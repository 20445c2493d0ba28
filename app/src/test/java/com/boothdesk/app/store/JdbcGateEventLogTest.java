package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.gate.GateEvent;

/** Manual movements are stored before record() returns; automatic ones right after, in order, all by close(). */
class JdbcGateEventLogTest {

    /** The database the tests run on (the PostgreSQL subclass sets it). */
    TestStore stores = TestStore.h2();

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void manualNowAutomaticRightAfterInOrder() {
        try (Database db = stores.open(dir)) {
            JdbcGateEventLog log = new JdbcGateEventLog(db);
            long manual = log.record(new GateEvent("A1", T0, GateEvent.Action.OPEN, GateEvent.Cause.MANUAL, "op1",
                    null, "抬杆测试", null));
            assertThat(manual).isPositive();
            assertThat(rows(db)).as("stored before record() returned").isEqualTo(1);
            for (int i = 0; i < 30; i++) {
                assertThat(log.record(new GateEvent("A1", T0.plusSeconds(i), GateEvent.Action.OPEN,
                        GateEvent.Cause.ENTRY_ACCEPTED, "op1", "A1_" + i, null, null))).isZero();
            }
            var recent = log.recent(40);
            assertThat(recent).hasSize(31);
            assertThat(recent.get(0).orderId()).as("newest first, in the order recorded").isEqualTo("A1_29");
            log.record(new GateEvent("B1", T0, GateEvent.Action.OPEN, GateEvent.Cause.EXIT_PAID, "op1", "B1_1",
                    null, null));
            log.close();
            assertThat(rows(db)).as("close() waits for the last ones").isEqualTo(32);
        }
    }

    private static long rows(Database db) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM gate_event"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
