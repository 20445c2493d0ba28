package com.boothdesk.app.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.MutableClock;

/**
 * Version N's data opened by version N+1, which brings a new migration: the data is still there and migrated;
 * and a backup of version N restored under N+1 is migrated the same way.
 */
class UpgradeTest {

    private static final List<String> NEXT = List.of("classpath:com/boothdesk/app/ops/upgrade");

    @TempDir
    Path data;

    @Test
    void theNextVersionMigratesTheDataInPlaceAndFromABackup() throws Exception {
        Path dbDir = data.resolve("db");
        Backups backups = new Backups(data.resolve("backups"), 3,
                new MutableClock(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC));
        Path backupOfN;
        try (Database n = Database.open(dbDir)) {
            for (String plate : List.of("京A11111", "沪B22222")) {
                n.write(c -> c.createStatement().executeUpdate("INSERT INTO parking_order (order_id, plate, "
                        + "car_type, entry_lane, in_time, status) VALUES ('" + plate.substring(1) + "', '" + plate
                        + "', 'TEMPORARY', 'A1', CURRENT_TIMESTAMP, 'IN_LOT')"));
            }
            n.write(c -> c.createStatement().executeUpdate("INSERT INTO gate_event (lane_id, at, action, cause, "
                    + "operator) VALUES ('A1', CURRENT_TIMESTAMP, 'OPEN', 'ENTRY', 'demo')"));
            backupOfN = backups.backup(n);
        }

        try (Database next = Database.open(dbDir, NEXT)) {
            assertThat(probe(next)).containsExactly("migrated:京A11111", "migrated:沪B22222");
            long gates = next.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM gate_event")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(gates).isEqualTo(1);
        }
        // opened again by N+1: nothing applied twice
        try (Database again = Database.open(dbDir, NEXT)) {
            assertThat(probe(again)).hasSize(2);
        }

        Backups.restore(backupOfN, dbDir, java.time.Clock.systemUTC());
        try (Database restored = Database.open(dbDir, NEXT)) {
            assertThat(probe(restored)).containsExactly("migrated:京A11111", "migrated:沪B22222");
        }
    }

    private static List<String> probe(Database db) {
        return db.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT upgrade_probe FROM parking_order ORDER BY plate")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
