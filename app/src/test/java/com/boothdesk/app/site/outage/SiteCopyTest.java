package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.site.SitePostgres;
import com.boothdesk.app.store.Database;

/**
 * The local copy against a real PostgreSQL site: what it holds (the stays inside only, this booth's open shift only,
 * the accounts with their hashes, no session of any booth), that a refresh replaces it whole, and that a refresh that
 * cannot read the site (the server cut) leaves the last copy as it was.
 */
class SiteCopyTest {

    @TempDir
    Path data;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void theCopyHoldsWhatTheBoothNeedsAndARefreshThatCannotReadTheSiteLeavesItAsItWas() throws Exception {
        String url = SitePostgres.freshDatabase();
        try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", SitePostgres.server().getPort());
             Database site = Database.connect(proxy.through(url), SitePostgres.USER, "", 2);
             SiteCopy copy = SiteCopy.open(SiteCopy.dir(data), "B1", CLOCK)) {
            assertThat(copy.madeAt()).isEmpty();
            site.write(c -> {
                exec(c, "INSERT INTO parking_order (order_id, plate, car_type, entry_lane, in_time, status) VALUES"
                        + " ('o1', '京A00001', 'small', 'A1', TIMESTAMPTZ '2026-11-25 08:00:00+08', 'IN_LOT'),"
                        + " ('o2', '京A00002', 'big', 'A2', TIMESTAMPTZ '2026-11-25 08:10:00+08', 'IN_LOT'),"
                        + " ('o3', '京A00003', 'small', 'A1', TIMESTAMPTZ '2026-11-25 07:00:00+08', 'CLOSED')");
                exec(c, "INSERT INTO collector (user_id, name) VALUES ('u1', '王'), ('u2', '李')");
                exec(c, "INSERT INTO staff_account (user_id, role, credential, created_at, updated_at) VALUES"
                        + " ('u1', 'ADMIN', 'pbkdf2-sha256$1000$c2FsdA==$aGFzaA==', NOW(), NOW())");
                exec(c, "INSERT INTO staff_session (user_id, workstation, instance, since) VALUES"
                        + " ('u2', 'B2', 'x', NOW())");
                exec(c, "INSERT INTO staff_shift (shift_id, user_id, workstation, started_at, ended_at) VALUES"
                        + " ('S1', 'u1', 'B1', NOW(), NULL), ('S0', 'u1', 'B1', NOW() - INTERVAL '1 day', NOW()),"
                        + " ('S2', 'u2', 'B2', NOW(), NULL)");
                return null;
            });

            int rows = copy.refreshFrom(site);
            assertThat(rows).isPositive();
            assertThat(copy.madeAt()).contains(CLOCK.instant());
            assertThat(column(copy, "SELECT order_id FROM parking_order ORDER BY order_id")).containsExactly("o1", "o2");
            assertThat(column(copy, "SELECT car_type FROM parking_order WHERE order_id = 'o2'")).containsExactly("big");
            assertThat(column(copy, "SELECT shift_id FROM staff_shift")).containsExactly("S1");
            assertThat(column(copy, "SELECT credential FROM staff_account")).containsExactly(
                    "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==");
            assertThat(column(copy, "SELECT user_id FROM collector ORDER BY user_id")).containsExactly("u1", "u2");
            assertThat(column(copy, "SELECT user_id FROM staff_session")).isEmpty();
            assertThat(column(copy, "SELECT COUNT(*) FROM tariff_version")).containsExactly("0");

            // the site changes; a refresh replaces the copy whole
            site.write(c -> {
                exec(c, "UPDATE parking_order SET status = 'CLOSED' WHERE order_id = 'o1'");
                return null;
            });
            copy.refreshFrom(site);
            assertThat(column(copy, "SELECT order_id FROM parking_order")).containsExactly("o2");

            // the server cut: the refresh fails, the copy stays the last one
            site.write(c -> {
                exec(c, "UPDATE parking_order SET status = 'CLOSED' WHERE order_id = 'o2'");
                return null;
            });
            proxy.cut();
            assertThatThrownBy(() -> copy.refreshFrom(site)).isInstanceOf(RuntimeException.class);
            assertThat(column(copy, "SELECT order_id FROM parking_order")).containsExactly("o2");
            assertThat(copy.madeAt()).contains(CLOCK.instant());
        }
        // the file is in the data folder, readable by the booth's account only
        Path file = SiteCopy.dir(data).resolve("boothdesk.mv.db");
        assertThat(file).exists();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aRefreshWithTenThousandCarsInside() throws Exception {
        String url = SitePostgres.freshDatabase();
        try (Database site = Database.connect(url, SitePostgres.USER, "", 2);
             SiteCopy copy = SiteCopy.open(SiteCopy.dir(data), "B1", CLOCK)) {
            site.write(c -> {
                exec(c, "INSERT INTO parking_order (order_id, plate, car_type, entry_lane, in_time, status)"
                        + " SELECT 'o' || g, '京B' || LPAD(g::text, 5, '0'), 'small', 'A1',"
                        + " TIMESTAMPTZ '2026-11-25 08:00:00+08' + g * INTERVAL '1 second', 'IN_LOT'"
                        + " FROM generate_series(1, 10000) g");
                return null;
            });
            copy.refreshFrom(site); // the first fills an empty copy
            long t0 = System.nanoTime();
            copy.refreshFrom(site);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[site copy] refresh with 10,000 cars inside: %d ms%n", ms);
            for (int i = 0; i < 3; i++) {
                copy.refreshFrom(site);
                System.out.printf("[site copy] again: %d ms%n", copy.lastRefreshMillis());
            }
            assertThat(column(copy, "SELECT COUNT(*) FROM parking_order")).containsExactly("10000");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static List<String> column(SiteCopy copy, String sql) {
        return copy.database().read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
