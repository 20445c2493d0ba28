package com.boothdesk.app.store.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.TestStore;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * The plate lists served from memory: current after every list write of this booth (and not after a rolled-back
 * one), on a site database current after another booth's write once the site's list version moved, and still
 * serving its last snapshot while the site database cannot be reached.
 */
class ListSnapshotTest {

    @TempDir
    Path dir;

    private static void blacklist(Database db, JdbcListStore store, String plate) {
        db.write(c -> {
            store.saveBlacklist(c, new BlacklistEntry(plate, "逃费", "b-" + plate, null, null, null, null, Set.of()),
                    "test");
            return null;
        });
    }

    @Test
    void aListWriteOnThisBoothIsSeenByTheVeryNextLookupAndARolledBackOneNever() {
        try (ListsFixture f = new ListsFixture(dir)) {
            assertThat(f.lists.lookup("京A11111", f.clock.instant()).blacklist()).isEmpty();
            blacklist(f.db, f.store, "京A11111");
            assertThat(f.lists.lookup("京A11111", f.clock.instant()).blacklist()).isPresent();

            assertThatThrownBy(() -> f.db.write(c -> {
                f.store.saveWhite(c, new WhiteListEntry("京B22222", "内部", LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1), ""), "w1");
                throw new IllegalStateException("rolled back");
            })).hasMessageContaining("rolled back");
            assertThat(f.lists.lookup("京B22222", f.clock.instant()).white()).isEmpty();

            f.db.write(c -> f.store.deleteBlacklist(c, "b-京A11111"));
            assertThat(f.lists.lookup("京A11111", f.clock.instant()).blacklist()).isEmpty();
        }
    }

    @Test
    void aListWriteReadsAgainOnlyThePlatesItNamesAndTheLookupAfterItReadsNoTable() {
        try (ListsFixture f = new ListsFixture(dir)) {
            ListSnapshot snapshot = ListSnapshot.of(f.db, f.clock);
            long builds = snapshot.fullBuilds();
            MonthlyCard onA = new MonthlyCard("m1", List.of("京F10001"), "李四", LocalDate.of(2024, 1, 1),
                    LocalDate.of(2030, 1, 1), 1, "small", Set.of());
            f.db.write(c -> {
                f.store.saveMonthMember(c, MonthMember.of(onA), JdbcListStore.BOOTH, null);
                return null;
            });
            blacklist(f.db, f.store, "京F20002");
            // the card moves to another plate: the plate it left is read again too
            f.db.write(c -> {
                f.store.saveMonthMember(c, MonthMember.of(new MonthlyCard("m1", List.of("京F30003"), "李四",
                        LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1), 1, "small", Set.of())),
                        JdbcListStore.BOOTH, null);
                return null;
            });
            // from here on no table can be read: what the lookups answer was put in memory by the writes
            f.db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE month_card_plate RENAME TO month_card_plate_gone");
                    st.execute("ALTER TABLE blacklist RENAME TO blacklist_gone");
                }
                return null;
            });
            assertThat(f.lists.lookup("京F10001", f.clock.instant()).monthly()).isEmpty();
            assertThat(f.lists.lookup("京F30003", f.clock.instant()).monthly()).map(MonthlyCard::cardId)
                    .contains("m1");
            assertThat(f.lists.lookup("京F20002", f.clock.instant()).blacklist()).isPresent();
            assertThat(snapshot.fullBuilds()).as("no write of a few plates reads every list").isEqualTo(builds);
        }
    }

    @Test
    void aDeletedCardLeavesItsPlatesAndAnImportOfManyPlatesIsReadWholeBeforeTheWriteReturns() {
        try (ListsFixture f = new ListsFixture(dir)) {
            ListSnapshot snapshot = ListSnapshot.of(f.db, f.clock);
            f.db.write(c -> {
                f.store.saveMonthMember(c, MonthMember.of(new MonthlyCard("m2", List.of("京G10001", "京G10002"),
                        "王五", LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1), 1, "small", Set.of())),
                        JdbcListStore.BOOTH, null);
                return null;
            });
            assertThat(f.lists.lookup("京G10002", f.clock.instant()).monthly()).isPresent();
            f.db.write(c -> f.store.deleteMonthMember(c, "m2")); // the plates go with the card (ON DELETE CASCADE)
            assertThat(f.lists.lookup("京G10001", f.clock.instant()).monthly()).isEmpty();
            assertThat(f.lists.lookup("京G10002", f.clock.instant()).monthly()).isEmpty();

            long builds = snapshot.fullBuilds();
            List<String> many = new java.util.ArrayList<>();
            for (int i = 0; i < ListSnapshot.BULK + 10; i++) {
                many.add(String.format("京H%05d", i));
            }
            f.db.write(c -> {
                f.store.saveMonthMember(c, MonthMember.of(new MonthlyCard("fleet", many, "车队",
                        LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1), many.size(), "small", Set.of())),
                        JdbcListStore.BOOTH, null);
                return null;
            });
            assertThat(snapshot.fullBuilds()).isEqualTo(builds + 1);
            assertThat(f.lists.lookup("京H00265", f.clock.instant()).monthly()).map(MonthlyCard::cardId)
                    .contains("fleet");
        }
    }

    @Test
    void theListsOfEveryPlateAreReadAtStartAndLookupsReadNoTable() {
        try (ListsFixture f = new ListsFixture(dir)) {
            f.db.write(c -> {
                f.store.saveMonthMember(c, MonthMember.of(new MonthlyCard("c1", List.of("京C33333", "京C44444"), "张三",
                        LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), 1, "small", Set.of())),
                        JdbcListStore.CLOUD, null);
                return null;
            });
        }
        // a restart: the snapshot is built from the file; then the tables go away and the lookups still answer
        Database db = TestStore.h2().open(dir);
        try {
            java.time.Clock clock = java.time.Clock.fixed(ListsFixture.START, ListsFixture.ZONE);
            JdbcVehicleLists lists = new JdbcVehicleLists(db, new JdbcOutbox(db.dataSource(), clock),
                    ListsFixture.ZONE, clock);
            assertThat(ListSnapshot.of(db, java.time.Clock.systemUTC()).plates()).isEqualTo(2);
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE month_card_plate RENAME TO month_card_plate_gone");
                }
                return null;
            });
            assertThat(lists.lookup("京C44444", ListsFixture.START).monthly()).map(MonthlyCard::cardId)
                    .contains("c1");
        } finally {
            db.close();
        }
    }

    @Test
    void onASiteDatabaseAnotherBoothsChangeArrivesAndTheLastSnapshotServesWhileTheDatabaseIsGone() throws Exception {
        TestStore site = TestStore.postgres();
        try (ListsFixture a = new ListsFixture(site, dir); Database other = site.open(dir)) {
            a.db.refreshEvery(Duration.ofMillis(200));
            assertThat(a.lists.lookup("京D55555", a.clock.instant()).blacklist()).isEmpty();
            // the other booth's write, as its JdbcListStore makes it (the row and the version bump in one
            // transaction), in plain SQL so that no in-process signal reaches A: only the poll can bring it
            other.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO blacklist (black_uuid, plate, reason) VALUES ('b-D', '京D55555', '逃费')");
                    st.execute("UPDATE list_version SET version = version + 1 WHERE id = 1");
                }
                return null;
            });
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> a.lists.lookup("京D55555", a.clock.instant()).blacklist().isPresent());

            // the site database refuses A's connections (and drops the ones it has): A's lookups keep answering from
            // the last snapshot, without waiting for the database
            String name = other.read(c -> c.getCatalog());
            String maintenance = com.boothdesk.app.site.SitePostgres.server().getJdbcUrl(
                    com.boothdesk.app.site.SitePostgres.USER, "postgres");
            allowConnections(maintenance, name, false);
            try {
                assertThatThrownBy(() -> a.db.read(c -> c.isValid(1))).isNotNull();
                long t0 = System.nanoTime();
                assertThat(a.lists.lookup("京D55555", a.clock.instant()).blacklist()).isPresent();
                assertThat(a.lists.lookup("京E66666", a.clock.instant()).isNone()).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            } finally {
                allowConnections(maintenance, name, true);
            }
        }
    }

    private static void allowConnections(String maintenanceUrl, String database, boolean allow) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(maintenanceUrl);
             Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }
}
