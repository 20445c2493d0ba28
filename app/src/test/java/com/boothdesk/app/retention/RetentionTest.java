package com.boothdesk.app.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.MutableClock;

/**
 * The retention policy on a real H2 file and picture folder: old delivered messages, gate events and pictures go;
 * undelivered messages, anything of a car still inside and pictures not uploaded stay; the file is compacted when
 * due and opens again.
 */
class RetentionTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void oldHistoryGoesWhatIsStillNeededStays() throws Exception {
        MutableClock clock = new MutableClock(NOW, SHANGHAI);
        Path images = dir.resolve("images");
        Instant old = NOW.minus(Duration.ofDays(400));
        Instant recent = NOW.minus(Duration.ofDays(2));
        try (Database db = Database.open(dir.resolve("db"))) {
            db.write(c -> {
                order(c, "A1_old_in", "IN_LOT", old, "2025-10-21/A1_old_in-in.jpg");
                order(c, "A1_old_out", "CLOSED", old, "2025-10-21/A1_old_out-in.jpg");
                outbox(c, "ACKNOWLEDGED", old);       // goes
                outbox(c, "ACKNOWLEDGED", recent);    // stays: recent
                outbox(c, "PENDING", old);            // stays: never delivered
                outbox(c, "FAILED", old);             // stays: never delivered
                gate(c, "A1_old_in", old);            // stays: the car is inside
                gate(c, "A1_old_out", old);           // goes
                gate(c, null, old);                   // goes
                gate(c, "A1_old_out", recent);        // stays
                picture(c, "A1_old_out", "SENT", old, "2025-10-21/A1_old_out-in.jpg");    // goes, with its file
                picture(c, "A1_old_in", "SENT", old, "2025-10-21/A1_old_in-in.jpg");      // stays: inside
                picture(c, "A1_x", "PENDING", old, "2025-10-21/A1_x-out.jpg");           // stays: not uploaded
                return null;
            });
            for (String f : new String[] {"A1_old_in-in.jpg", "A1_old_out-in.jpg", "A1_x-out.jpg", "lane-1.jpg"}) {
                Files.createDirectories(images.resolve("2025-10-21"));
                Files.write(images.resolve("2025-10-21").resolve(f), new byte[] {1});
            }
            Files.createDirectories(images.resolve("2025-10-20"));
            Files.write(images.resolve("2025-10-20/B1-unmatched.jpg"), new byte[] {1});
            Files.createDirectories(images.resolve("2026-11-24"));
            Files.write(images.resolve("2026-11-24/A1_new-in.jpg"), new byte[] {1});

            Retention r = new Retention(db, images, RetentionSettings.defaults(), clock, SHANGHAI);
            Retention.Purged p = r.purge();

            assertThat(p.outbox()).isEqualTo(1);
            assertThat(p.gateEvents()).isEqualTo(2);
            assertThat(p.pictureRows()).isEqualTo(1);
            assertThat(p.pictureFiles()).isEqualTo(3);
            assertThat(count(db, "SELECT COUNT(*) FROM sdk_outbox")).isEqualTo(3);
            assertThat(count(db, "SELECT COUNT(*) FROM sdk_outbox WHERE status <> 'ACKNOWLEDGED'")).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM gate_event")).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM parking_order")).as("orders are the accounts").isEqualTo(2);
            assertThat(images.resolve("2025-10-21/A1_old_in-in.jpg")).exists();
            assertThat(images.resolve("2025-10-21/A1_x-out.jpg")).exists();
            assertThat(images.resolve("2025-10-21/A1_old_out-in.jpg")).doesNotExist();
            assertThat(images.resolve("2025-10-21/lane-1.jpg")).doesNotExist();
            assertThat(images.resolve("2025-10-20")).doesNotExist();
            assertThat(images.resolve("2026-11-24/A1_new-in.jpg")).exists();
            assertThat(r.purge().outbox()).as("nothing left to do").isZero();

            r.start();
            assertThat(r.compactionDue()).as("a new file is compacted a week later").isFalse();
            clock.advance(Duration.ofDays(7));
            assertThat(r.compactionDue()).isTrue();
            r.close(); // compacts: SHUTDOWN COMPACT
            assertThat(r.compactionDue()).isFalse();
        }
        try (Database again = Database.open(dir.resolve("db"))) {
            assertThat(count(again, "SELECT COUNT(*) FROM parking_order")).isEqualTo(2);
        }
    }

    @Test
    void settingsComeFromTheirKeys() {
        var p = new java.util.Properties();
        p.setProperty("retention.outbox_days", "10");
        p.setProperty("retention.hour", "4");
        RetentionSettings s = RetentionSettings.from(p);
        assertThat(s.outboxDays()).isEqualTo(10);
        assertThat(s.hour()).isEqualTo(4);
        assertThat(s.pictureDays()).isEqualTo(RetentionSettings.defaults().pictureDays());
        p.setProperty("retention.picture_days", "0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RetentionSettings.from(p))
                .hasMessageContaining("at least 1");
        p.setProperty("retention.picture_days", "x\u0007");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RetentionSettings.from(p))
                .hasMessageContaining("whole number");
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static OffsetDateTime t(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static void order(java.sql.Connection c, String id, String status, Instant in, String image)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO parking_order (order_id, plate, car_type,"
                + " entry_lane, in_time, status, entry_image) VALUES (?, ?, 'small', 'A1', ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, "京" + id.hashCode());
            ps.setObject(3, t(in));
            ps.setString(4, status);
            ps.setString(5, image);
            ps.executeUpdate();
        }
    }

    private static void outbox(java.sql.Connection c, String status, Instant at) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sdk_outbox (service_name, json, status,"
                + " created_at, next_attempt_at, updated_at) VALUES ('in_park', '{}', ?, ?, ?, ?)")) {
            ps.setString(1, status);
            ps.setLong(2, at.toEpochMilli());
            ps.setLong(3, at.toEpochMilli());
            ps.setLong(4, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static void gate(java.sql.Connection c, String orderId, Instant at) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gate_event (lane_id, at, action, cause, operator,"
                + " order_id) VALUES ('A1', ?, 'OPEN', 'ENTRY_ACCEPTED', 'op', ?)")) {
            ps.setObject(1, t(at));
            ps.setString(2, orderId);
            ps.executeUpdate();
        }
    }

    private static void picture(java.sql.Connection c, String orderId, String status, Instant at, String ref)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO picture_upload (order_id, in_or_out, image_ref,"
                + " taken_at, status, next_attempt) VALUES (?, 'in', ?, ?, ?, ?)")) {
            ps.setString(1, orderId);
            ps.setString(2, ref);
            ps.setObject(3, t(at));
            ps.setString(4, status);
            ps.setObject(5, t(at));
            ps.executeUpdate();
        }
    }
}
