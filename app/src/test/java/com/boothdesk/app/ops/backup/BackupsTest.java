package com.boothdesk.app.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.ops.OwnerOnly;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.MutableClock;

/** Backups through the real H2 file: online backup, retention, restore, and corrupt backups refused. */
class BackupsTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);

    private Path dbDir() {
        return data.resolve("db");
    }

    private static void addOrder(Database db, String id) {
        db.write(c -> c.createStatement().executeUpdate("INSERT INTO parking_order (order_id, plate, car_type, "
                + "entry_lane, in_time, status) VALUES ('" + id + "', '京A12345', 'TEMPORARY', 'A1', "
                + "TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+08:00', 'IN_LOT')"));
    }

    private static long orders(Database db) {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM parking_order")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aBackupTakenWhileWritingRestoresTheDataAndKeepsTheReplacedDatabase() throws Exception {
        Backups backups = new Backups(data.resolve("backups"), 5, clock);
        Path backup;
        try (Database db = Database.open(dbDir())) {
            for (int i = 0; i < 50; i++) {
                addOrder(db, "O" + i);
            }
            // online: a writer keeps writing while the backup is taken
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; !stop.get(); i++) {
                    addOrder(db, "W" + i);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> orders(db) > 60);
            backup = backups.backup(db);
            stop.set(true);
            writer.get();
            db.write(c -> c.createStatement().executeUpdate("DELETE FROM parking_order"));
            assertThat(orders(db)).isZero();
        }
        assertThat(OwnerOnly.isOwnerOnly(backup)).isTrue();
        Backups.Verified checked = Backups.verify(backup, data.resolve("check"));
        assertThat(checked.orders()).isGreaterThan(60);

        Path saved = Backups.restore(backup, dbDir(), clock);
        try (Database db = Database.open(dbDir())) {
            assertThat(orders(db)).isEqualTo(checked.orders());
        }
        try (Database old = Database.open(saved)) {
            assertThat(orders(old)).as("the replaced database is kept, as it was").isZero();
        }
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        Backups backups = new Backups(data.resolve("backups"), 2, clock);
        try (Database db = Database.open(dbDir())) {
            Path first = backups.backup(db);
            clock.advance(Duration.ofHours(1));
            Path second = backups.backup(db);
            clock.advance(Duration.ofHours(1));
            Path third = backups.backup(db);
            assertThat(backups.list()).containsExactly(third, second);
            assertThat(first).doesNotExist();
            assertThat(backups.newest()).isEqualTo(clock.instant());
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingIsReplaced() throws Exception {
        Backups backups = new Backups(data.resolve("backups"), 5, clock);
        Path backup;
        try (Database db = Database.open(dbDir())) {
            addOrder(db, "KEEP");
            backup = backups.backup(db);
        }
        byte[] bytes = Files.readAllBytes(backup);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] ^= 0x5A;
        }
        Path damaged = data.resolve("damaged.zip");
        Files.write(damaged, bytes);
        Path truncated = data.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(backup), bytes.length / 2));
        Path foreign = data.resolve("foreign.zip");
        try (OutputStream out = Files.newOutputStream(foreign); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("photo.jpg"));
            z.write(new byte[] {1, 2, 3});
        }

        for (Path bad : new Path[] {damaged, truncated, foreign}) {
            assertThatThrownBy(() -> Backups.restore(bad, dbDir(), clock)).as(bad.getFileName().toString())
                    .isInstanceOf(Backups.UnsoundBackupException.class).hasMessageContaining(bad.toString());
        }
        try (var left = Files.list(data)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("restoring") || n.contains("before-restore"));
        }
        try (Database db = Database.open(dbDir())) {
            assertThat(orders(db)).as("the database in place is untouched").isEqualTo(1);
        }
    }

    @Test
    void theScheduleBacksUpWhenDueAndAnswersATechniciansRequest() throws Exception {
        Backups backups = new Backups(data.resolve("backups"), 10, clock);
        try (Database db = Database.open(dbDir())) {
            BackupSchedule schedule = new BackupSchedule(backups, db, Duration.ofHours(24), Duration.ofMinutes(10),
                    clock);
            schedule.tick();
            assertThat(backups.list()).as("not during start-up").isEmpty();
            clock.advance(Duration.ofMinutes(10));
            schedule.tick();
            assertThat(backups.list()).hasSize(1);
            clock.advance(Duration.ofHours(23));
            schedule.tick();
            assertThat(backups.list()).as("not due yet").hasSize(1);
            clock.advance(Duration.ofHours(1));
            schedule.tick();
            assertThat(backups.list()).hasSize(2);

            clock.advance(Duration.ofMinutes(5));
            CompletableFuture<String> asked = CompletableFuture.supplyAsync(() -> {
                try {
                    return BackupSchedule.request(backups.directory(), Duration.ofSeconds(30));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                schedule.tick();
                return asked.isDone();
            });
            assertThat(asked.get()).startsWith("ok ").contains(Backups.PREFIX);
            assertThat(backups.list()).hasSize(3);
        }
    }
}
