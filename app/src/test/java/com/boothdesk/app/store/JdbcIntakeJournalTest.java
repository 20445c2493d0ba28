package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.IntakeJournal;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.domain.plate.PlateGrammar;

/** The intake journal on a real H2 file: kept across a reopen, gone once settled, hostile reads kept harmless. */
class JdbcIntakeJournalTest {

    /** The database the tests run on (the PostgreSQL subclass sets it). */
    TestStore stores = TestStore.h2();

    @TempDir
    Path dir;

    @Test
    void readsSurviveAReopenUntilSettled() {
        Instant at = Instant.parse("2026-11-25T00:00:00Z");
        long kept;
        try (Database db = stores.open(dir.resolve("db"))) {
            JdbcIntakeJournal j = new JdbcIntakeJournal(db);
            kept = j.record(new PlateRead("A1", "京A12345", 1, 95, at, new byte[] {1}, "cam"), false, at);
            long settled = j.record(new PlateRead("A1", "京B00001", 1, 95, at, new byte[0], "cam"), false, at);
            j.record(new PlateRead("B1", "京C00001", 1, 95, at, new byte[0], "cam"), true, at);
            j.settle(settled, "decided");
        }
        try (Database db = stores.open(dir.resolve("db"))) {
            JdbcIntakeJournal j = new JdbcIntakeJournal(db);
            assertThat(j.pending("A1")).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(kept);
                assertThat(e.read().plate()).isEqualTo("京A12345");
                assertThat(e.read().readAt()).isEqualTo(at);
                assertThat(e.offline()).isFalse();
            });
            assertThat(j.pending("B1")).singleElement().extracting(IntakeJournal.Entry::offline).isEqualTo(true);
        }
    }

    @Test
    void whatTheCameraSaidAboutTheReadSurvivesAReopen() {
        Instant at = Instant.parse("2026-11-25T00:00:00Z");
        try (Database db = stores.open(dir.resolve("db"))) {
            JdbcIntakeJournal j = new JdbcIntakeJournal(db);
            j.record(new PlateRead("A1", "京A12345", 1, 95, at, new byte[0], "cam", new byte[0], true, false), true, at);
            j.record(new PlateRead("A1", "*****", 0, 10, at, new byte[0], "cam", new byte[0], false, true), false, at);
            j.record(new PlateRead("A1", "京B00001", 1, 95, at, new byte[0], "cam"), false, at);
        }
        try (Database db = stores.open(dir.resolve("db"))) {
            assertThat(new JdbcIntakeJournal(db).pending("A1")).extracting(e -> e.read().cameraTimeUnknown(),
                    e -> e.read().noPlateByType()).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(true, false),
                            org.assertj.core.groups.Tuple.tuple(false, true),
                            org.assertj.core.groups.Tuple.tuple(false, false));
        }
    }

    @Test
    void aHugeOrHostileReadIsKeptCutAndStillNoPlate() {
        Instant at = Instant.parse("2026-11-25T00:00:00Z");
        try (Database db = stores.open(dir.resolve("db"))) {
            JdbcIntakeJournal j = new JdbcIntakeJournal(db);
            j.record(new PlateRead("A1", "京A12345".repeat(300_000), 1, 95, at, new byte[0], "x".repeat(5000)),
                    false, Instant.parse("+33658-01-01T00:00:00Z"));
            j.record(new PlateRead("A1", "京A\u000012345", 1, 95, at, new byte[0], "cam"), false, at);
            assertThat(j.pending("A1")).hasSize(2).allSatisfy(e ->
                    assertThat(PlateGrammar.check(e.read().plate()).kind()).isEqualTo(PlateGrammar.Kind.INVALID));
        }
    }
}
