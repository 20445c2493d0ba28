package com.boothdesk.app.site.outage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.Database;

/**
 * The booth's local copy of what it needs from the site database to decide and to let an attendant work when the
 * server cannot be reached — also at its start ({@link OutageStart}): the plate lists and their validity, the car
 * types, the cars inside (their whole stays: order id, entry time, class, entry lane and so the area), the lane
 * counters and space corrections (the free spaces per area), the tariff versions, the accounts (the collectors' names, role, the
 * salted PBKDF2 hash — the site keeps nothing else) and this booth's open shift.
 *
 * <p>An embedded H2 file with the booth's own schema ({@code <data>/outage/site-cache/boothdesk.mv.db}, owner-only,
 * its password beside it, as the booth's own file), refreshed from the site while it answers: every
 * {@value #REFRESH_KEY} and, after this booth's own writes, {@value #AFTER_WRITE_KEY} later (one pending refresh at a
 * time, and at least ten times the last refresh's duration later, so that copying takes at most about a tenth of the
 * time). A refresh reads the site in one read-only transaction and replaces the copy in one local transaction, so
 * the copy is always one whole moment of the site, never half of one. While the site is down
 * ({@link Database#localCopy}) the booth's reads run on it; only the log-in's session row is written to it.
 */
public final class SiteCopy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteCopy.class);

    /** {@code site.copy_refresh_seconds}: how often the copy is refreshed while the site answers. */
    public static final String REFRESH_KEY = "site.copy_refresh_seconds";
    /** {@code site.copy_after_write_seconds}: how long after one of this booth's writes the copy is refreshed. */
    public static final String AFTER_WRITE_KEY = "site.copy_after_write_seconds";

    /** One table of the copy: all of its rows, or those {@code where} (one {@code ?}: this booth's id). */
    record Part(String table, String where) {
    }

    /** Parents before children (the month cards' plates refer to their cards). */
    static final List<Part> PARTS = List.of(
            new Part("tariff_version", null),
            new Part("car_type", null),
            new Part("month_package", null),
            new Part("month_card", null),
            new Part("month_card_plate", null),
            new Part("white_list", null),
            new Part("blacklist", null),
            new Part("visitor", null),
            new Part("car_lock", null),
            new Part("prepay_card", null),
            new Part("prepay_card_plate", null),
            new Part("list_version", null),
            new Part("park_channel", null),
            new Part("lot_lane_count", null),
            new Part("space_adjustment", null),
            new Part("parking_order", "status = 'IN_LOT'"),
            new Part("collector", null),
            new Part("staff_account", null),
            new Part("staff_shift", "workstation = ? AND ended_at IS NULL"));

    private static final String META = "site_copy_meta";

    private final Database copy;
    private final Path dir;
    private final String boothId;
    private final Clock clock;
    private final Object refreshLock = new Object();
    private final AtomicBoolean pending = new AtomicBoolean();
    private ScheduledExecutorService scheduler;
    private volatile long lastMillis;

    /** How long the last refresh took (ms). */
    public long lastRefreshMillis() {
        return lastMillis;
    }

    private SiteCopy(Database copy, Path dir, String boothId, Clock clock) {
        this.copy = copy;
        this.dir = dir;
        this.boothId = boothId;
        this.clock = clock;
    }

    /** The copy's folder in a data folder. */
    public static Path dir(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("outage").resolve("site-cache");
    }

    /** True when {@code dir} holds a copy file (it may still never have been filled: {@link #madeAt}). */
    public static boolean fileExists(Path dir) {
        return Files.isRegularFile(dir.resolve("boothdesk.mv.db"));
    }

    /** Opens (creating if needed) the copy in {@code dir}. */
    public static SiteCopy open(Path dir, String boothId, Clock clock) {
        Database db = Database.open(dir);
        try {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE IF NOT EXISTS " + META + " (id INT PRIMARY KEY, made_at TIMESTAMP WITH"
                            + " TIME ZONE NOT NULL, source VARCHAR(255) NOT NULL, booth_id VARCHAR(32) NOT NULL,"
                            + " row_count INT NOT NULL)");
                    // the plates' history (history_plate) is the site's, not the copy's: no trigger per copied row
                    st.execute("DROP TRIGGER IF EXISTS parking_order_history_plate");
                }
                return null;
            });
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new SiteCopy(db, dir, boothId, clock);
    }

    /** The copy's database (the site database's {@link Database#localCopy}). */
    public Database database() {
        return copy;
    }

    public Path dir() {
        return dir;
    }

    /** When the copy was last filled from the site; empty when never. */
    public Optional<Instant> madeAt() {
        return copy.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT made_at FROM " + META + " WHERE id = 1")) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        });
    }

    /** Where the copy last came from (the site database's description, no password). */
    public Optional<String> source() {
        return copy.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT source FROM " + META + " WHERE id = 1")) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /**
     * Refreshes the copy from {@code site} now: reads every part in one read-only transaction of the site, then
     * replaces the copy's rows in one local transaction. Returns the rows copied.
     *
     * @throws RuntimeException the site could not be read (the copy is left as it was)
     */
    public int refreshFrom(Database site) {
        synchronized (refreshLock) {
            long t0 = System.nanoTime();
            List<Rows> read = readSite(site);
            long readMs = (System.nanoTime() - t0) / 1_000_000;
            int n = copy.write(c -> {
                Set<String> tables = tables(c);
                for (int i = PARTS.size() - 1; i >= 0; i--) {
                    if (tables.contains(PARTS.get(i).table())) {
                        try (Statement st = c.createStatement()) {
                            st.executeUpdate("DELETE FROM " + PARTS.get(i).table());
                        }
                    }
                }
                int rows = 0;
                for (Rows r : read) {
                    if (tables.contains(r.table())) {
                        rows += r.insertInto(c);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("MERGE INTO " + META
                        + " (id, made_at, source, booth_id, row_count) KEY (id) VALUES (1, ?, ?, ?, ?)")) {
                    ps.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    ps.setString(2, site.description());
                    ps.setString(3, boothId);
                    ps.setInt(4, rows);
                    ps.executeUpdate();
                }
                return rows;
            });
            lastMillis = (System.nanoTime() - t0) / 1_000_000;
            LOG.debug("Site copy refreshed: {} row(s) in {} ms (site read {} ms)", n, lastMillis, readMs);
            return n;
        }
    }

    private List<Rows> readSite(Database site) {
        try (Connection c = site.dataSource().getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Set<String> tables = tables(c);
                List<Rows> out = new ArrayList<>();
                for (Part p : PARTS) {
                    if (tables.contains(p.table())) {
                        out.add(Rows.read(c, p, boothId));
                    }
                }
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new com.boothdesk.app.store.StoreException("site copy: cannot read the site database "
                    + site.description() + ": " + SafeText.of(String.valueOf(e.getMessage()), 200), e);
        }
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        String schema = c.getSchema();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The rows of one part as read from the site. */
    private record Rows(String table, List<String> columns, List<Object[]> rows) {
        static Rows read(Connection c, Part p, String boothId) throws SQLException {
            String sql = "SELECT * FROM " + p.table() + (p.where() == null ? "" : " WHERE " + p.where());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (p.where() != null && p.where().contains("?")) {
                    ps.setString(1, boothId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> cols = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        cols.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[cols.size()];
                        for (int i = 0; i < row.length; i++) {
                            int type = md.getColumnType(i + 1);
                            row[i] = type == java.sql.Types.TIMESTAMP_WITH_TIMEZONE
                                    || "timestamptz".equalsIgnoreCase(md.getColumnTypeName(i + 1))
                                    ? rs.getObject(i + 1, OffsetDateTime.class) : rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                    return new Rows(p.table(), cols, rows);
                }
            }
        }

        /** Inserts the rows into the copy's table, the columns both have. */
        int insertInto(Connection c) throws SQLException {
            Set<String> local = new LinkedHashSet<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table.toUpperCase(Locale.ROOT), "%")) {
                while (rs.next()) {
                    local.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (local.contains(columns.get(i))) {
                    idx.add(i);
                }
            }
            if (idx.isEmpty() || rows.isEmpty()) {
                return 0;
            }
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
            StringBuilder marks = new StringBuilder();
            for (int k = 0; k < idx.size(); k++) {
                sql.append(k == 0 ? "" : ", ").append(columns.get(idx.get(k)));
                marks.append(k == 0 ? "?" : ", ?");
            }
            sql.append(") VALUES (").append(marks).append(')');
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int batch = 0;
                for (Object[] row : rows) {
                    for (int k = 0; k < idx.size(); k++) {
                        ps.setObject(k + 1, row[idx.get(k)]);
                    }
                    ps.addBatch();
                    if (++batch % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return rows.size();
        }
    }

    /**
     * Keeps the copy fresh from {@code site} while {@code outage} says it answers: a first refresh now (on the
     * scheduler's thread), then every {@code every}, and {@code afterWrite} after each of this booth's writes.
     */
    public void start(Database site, SiteOutage outage, Duration every, Duration afterWrite) {
        scheduler = Threads.scheduled("site-copy");
        Runnable refresh = () -> {
            pending.set(false);
            if (outage.down()) {
                return; // the copy keeps the last moment the site answered
            }
            try {
                refreshFrom(site);
            } catch (RuntimeException e) {
                LOG.warn("Site copy not refreshed (the last copy stays): {}",
                        SafeText.of(String.valueOf(e.getMessage()), 200));
            }
        };
        scheduler.scheduleWithFixedDelay(refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        site.afterWrites(() -> {
            if (pending.compareAndSet(false, true)) {
                try {
                    // never more than a tenth of the time copying: a refresh of 2 s (10,000 cars inside) waits 20 s
                    long delay = Math.max(afterWrite.toMillis(), 10 * lastMillis);
                    scheduler.schedule(refresh, delay, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    pending.set(false);
                }
            }
        });
        LOG.info("Site copy {}: refreshed every {} s and {} s after this booth's writes", dir.resolve("boothdesk.mv.db"),
                every.toSeconds(), afterWrite.toSeconds());
    }

    static int seconds(String key, String v, int dflt, int min, int max) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key + ": expected seconds " + min + "-" + max + ", got '" + SafeText.of(v, 40) + "'");
    }

    @Override
    public void close() {
        if (scheduler != null) {
            Threads.shutdown(scheduler);
        }
        copy.close();
    }
}
