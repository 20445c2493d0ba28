package com.boothdesk.sdk.outbox;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox table ({@code sdk_outbox}, see {@link OutboxSchema}) over plain JDBC. Reads are safe from any thread;
 * state changes are made by the {@link OutboxDispatcher}.
 *
 * <p><b>Several booths on one database.</b> Every row has a claimant ({@code claimed_by}): the booth that wrote it.
 * Only the claimant delivers it, so no two booths send the same message, and a booth's messages go out over its own
 * cloud login. A booth proves it is alive each time it looks for work ({@link #due}, called while it is connected
 * to the cloud): its row in {@code sdk_outbox_claimant} holds "alive until now + takeover". When that has lapsed —
 * the booth is stopped, killed, or cut off from the cloud for longer than the takeover time — a connected booth
 * takes its rows over (the claim is moved in one statement; on PostgreSQL with {@code FOR UPDATE SKIP LOCKED}, so
 * two booths taking over at once never both get a row). Order per order key holds across booths: the next row of a
 * key is deliverable only when the one before it is acknowledged or failed. The updates of a delivery (sent, retry,
 * failed) apply only while this booth still holds the claim; an acknowledgement always applies.
 */
public final class JdbcOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);
    private static final String COLUMNS = "id, service_name, data_target, order_key, json, status, attempts, "
            + "created_at, next_attempt_at, last_error";
    private static final int MAX_JSON = 65536;
    private static final int MAX_ERROR = 1000;

    /** The claimant of a booth that did not name itself (a single booth: it takes over nothing from anyone). */
    public static final String DEFAULT_CLAIMANT = "booth";
    /** The takeover time when none is given. */
    public static final java.time.Duration DEFAULT_TAKEOVER = java.time.Duration.ofSeconds(30);

    private final DataSource ds;
    private final Clock clock;
    private final String claimant;
    private final long takeoverMillis;
    private volatile Boolean postgres;

    public JdbcOutbox(DataSource ds, Clock clock) {
        this(ds, clock, DEFAULT_CLAIMANT, DEFAULT_TAKEOVER);
    }

    /**
     * @param claimant this booth's id: the rows it writes are its own to deliver
     * @param takeover how long this booth may go without looking for work (while connected to the cloud) before
     *                 another booth takes its rows over; and how long it waits before taking over another's
     */
    public JdbcOutbox(DataSource ds, Clock clock, String claimant, java.time.Duration takeover) {
        this.ds = Objects.requireNonNull(ds, "ds");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (claimant == null || claimant.isBlank() || claimant.length() > 48) {
            throw new IllegalArgumentException("claimant must be 1-48 characters: " + claimant);
        }
        this.claimant = claimant;
        this.takeoverMillis = Objects.requireNonNull(takeover, "takeover").toMillis();
        if (takeoverMillis <= 0) {
            throw new IllegalArgumentException("takeover must be positive: " + takeover);
        }
    }

    /** This booth's claimant id. */
    public String claimant() {
        return claimant;
    }

    /**
     * Stores inside the caller's transaction (the caller commits), so an order row and its uplink commit together.
     *
     * @param orderKey delivery order key; null means the uplink's {@code order_id} (if any)
     * @return the entry id
     * @throws IllegalArgumentException when the uplink has no service_name or is too large to store
     */
    public long enqueue(Connection txn, ObjectNode uplink, String orderKey) throws SQLException {
        JsonNode name = uplink.get("service_name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new IllegalArgumentException("uplink has no service_name: " + uplink);
        }
        String json = WireCodec.toJson(uplink);
        if (json.length() > MAX_JSON) {
            throw new IllegalArgumentException(name.asText() + " is " + json.length() + " chars, more than "
                    + MAX_JSON + " can be stored");
        }
        String key = orderKey != null ? orderKey
                : uplink.hasNonNull("order_id") ? uplink.get("order_id").asText() : null;
        long now = clock.millis();
        try (PreparedStatement ps = txn.prepareStatement("INSERT INTO sdk_outbox (service_name, data_target, "
                + "order_key, json, status, attempts, created_at, next_attempt_at, updated_at, claimed_by) "
                + "VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, name.asText());
            JsonNode target = uplink.get("data_target");
            if (target != null && target.isTextual()) {
                ps.setString(2, target.asText());
            } else {
                ps.setNull(2, Types.VARCHAR);
            }
            ps.setString(3, key);
            ps.setString(4, json);
            ps.setLong(5, now);
            ps.setLong(6, now);
            ps.setLong(7, now);
            ps.setString(8, claimant);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                long id = rs.getLong(1);
                LOG.debug("outbox #{} stored: {} key={}", id, name.asText(), key);
                return id;
            }
        }
    }

    /** Stores in its own transaction. SQL failures become {@link OutboxException}. */
    public long enqueue(ObjectNode uplink, String orderKey) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long id = enqueue(c, uplink, orderKey);
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new OutboxException("could not store " + uplink.path("service_name").asText(), e);
        }
    }

    /** The newest entries first. */
    public List<OutboxEntry> recent(int limit) {
        return query("SELECT " + COLUMNS + " FROM sdk_outbox ORDER BY id DESC LIMIT ?", ps -> ps.setInt(1, limit));
    }

    /** One entry. */
    public Optional<OutboxEntry> find(long id) {
        List<OutboxEntry> l = query("SELECT " + COLUMNS + " FROM sdk_outbox WHERE id = ?", ps -> ps.setLong(1, id));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Entries of one order key, oldest first. */
    public List<OutboxEntry> byOrderKey(String orderKey) {
        return query("SELECT " + COLUMNS + " FROM sdk_outbox WHERE order_key = ? ORDER BY id",
                ps -> ps.setString(1, orderKey));
    }

    /** How many entries are in each state (for the booth's status bar). */
    /**
     * Messages not yet acknowledged (PENDING or SENT): a range of the status index, cheap however many delivered
     * messages the table keeps (the booth header asks every second).
     */
    public long countUndelivered() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM sdk_outbox WHERE status IN ('PENDING', 'SENT')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new OutboxException("could not count the outbox", e);
        }
    }

    public Map<DeliveryStatus, Long> countByStatus() {
        Map<DeliveryStatus, Long> m = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus s : DeliveryStatus.values()) {
            m.put(s, 0L);
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT status, COUNT(*) FROM sdk_outbox GROUP BY status"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new OutboxException("could not count the outbox", e);
        }
        return m;
    }

    // ---------------------------------------------------------------- used by the dispatcher

    /**
     * Deliverable entries: PENDING or SENT, due, and the oldest open entry of their order key (so a key is always
     * delivered in order and a failing head blocks only its own key).
     */
    List<OutboxEntry> due(Instant now, int limit) {
        return claim(now, limit);
    }

    /**
     * The deliverable entries this booth holds, oldest first, at most {@code limit}: it renews its liveness, takes
     * over the deliverable rows of booths whose liveness has lapsed, and reads its own (what {@link #due} gives the
     * dispatcher; public for site tools and tests).
     */
    public List<OutboxEntry> claim(Instant now, int limit) {
        long t = now.toEpochMilli();
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                heartbeat(c, t);
                takeOver(c, t, limit);
                boolean shared = postgres(c);
                if (shared) {
                    touchOwn(c, t, limit);
                }
                List<OutboxEntry> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sdk_outbox o WHERE "
                        + DUE + " AND o.claimed_by = ?" + (shared ? " AND o.updated_at = ?" : "")
                        + " ORDER BY o.id LIMIT ?")) {
                    int i = 1;
                    ps.setLong(i++, t);
                    ps.setString(i++, claimant);
                    if (shared) {
                        ps.setLong(i++, t);
                    }
                    ps.setInt(i, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(entry(rs));
                        }
                    }
                }
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new OutboxException("could not read the outbox", e);
        }
    }

    /** Open, due, and the oldest open entry of its order key (one parameter: now). */
    private static final String DUE = "o.status IN ('PENDING', 'SENT') AND o.next_attempt_at <= ? "
            + "AND (o.order_key IS NULL OR NOT EXISTS (SELECT 1 FROM sdk_outbox p "
            + "WHERE p.order_key = o.order_key AND p.status IN ('PENDING', 'SENT') AND p.id < o.id))";

    /**
     * Rows another booth may take: unclaimed, or claimed by a booth whose liveness has lapsed and untouched for the
     * takeover time (a booth that wrote rows but never looked for work yet keeps them that long). Params: now, now -
     * takeover.
     */
    private static final String CLAIMABLE = "(o.claimed_by IS NULL OR (NOT EXISTS (SELECT 1 FROM sdk_outbox_claimant h "
            + "WHERE h.claimant = o.claimed_by AND h.alive_until >= ?) AND o.updated_at <= ?))";

    /** This booth is alive (connected and looking for work) until now + takeover. */
    private void heartbeat(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sdk_outbox_claimant SET alive_until = ? WHERE claimant = ?")) {
            ps.setLong(1, now + takeoverMillis);
            ps.setString(2, claimant);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sdk_outbox_claimant (claimant, alive_until) VALUES (?, ?)")) {
            ps.setString(1, claimant);
            ps.setLong(2, now + takeoverMillis);
            ps.executeUpdate();
        }
    }

    /**
     * Moves the claim of deliverable rows nobody alive holds to this booth, and stamps them ({@code updated_at} =
     * now): a row just taken over is not "untouched for the takeover time", whatever the other booth's view of the
     * claimants. The claim condition is repeated in the outer statement, so a row another booth took meanwhile is left
     * to it (with SKIP LOCKED a row another booth is taking is skipped; one it took and committed after this
     * statement's snapshot is re-checked by PostgreSQL on its newest version).
     *
     * <p>The stamp is what makes that re-check hold. The liveness of the booth that just took a row is read from this
     * statement's snapshot, which may be older than that booth's commit: a booth's first heartbeat (its claimant row
     * inserted in the same transaction) or a renewal after its lease lapsed is not visible yet, so "no live booth
     * holds it" is true of the newest version; only the row's own stamp, re-checked on that version, says it was
     * taken a moment ago. Without it two booths taking over at once both got the rows (issue 16: 28 of 30 claimed by
     * both under load).
     */
    private void takeOver(Connection c, long now, int limit) throws SQLException {
        String lock = postgres(c) ? " FOR UPDATE OF o SKIP LOCKED" : "";
        try (PreparedStatement ps = c.prepareStatement("UPDATE sdk_outbox SET claimed_by = ?, updated_at = ? WHERE id IN ("
                + "SELECT o.id FROM sdk_outbox o WHERE " + DUE + " AND " + CLAIMABLE + " ORDER BY o.id LIMIT ?" + lock
                + ") AND (claimed_by IS NULL OR (NOT EXISTS (SELECT 1 FROM sdk_outbox_claimant h "
                + "WHERE h.claimant = sdk_outbox.claimed_by AND h.alive_until >= ?) AND updated_at <= ?))")) {
            ps.setString(1, claimant);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setLong(4, now);
            ps.setLong(5, now - takeoverMillis);
            ps.setInt(6, limit);
            ps.setLong(7, now);
            ps.setLong(8, now - takeoverMillis);
            int n = ps.executeUpdate();
            if (n > 0) {
                LOG.info("outbox: {} took over {} message(s) that no live booth holds", claimant, n);
            }
        }
    }

    /**
     * On a shared database: stamps the deliverable rows this booth holds and is about to hand to its dispatcher
     * ({@code updated_at} = now, under row locks with SKIP LOCKED), and only stamped rows are handed out. A booth
     * whose lease had lapsed and is renewed in this transaction is not seen alive by a booth taking over at the same
     * moment (its snapshot is older); the stamp decides instead: a row this booth stamped is not taken over for the
     * takeover time (re-checked on the newest version), and a row another booth is taking or took is skipped here or
     * no longer this booth's.
     */
    private void touchOwn(Connection c, long now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sdk_outbox SET updated_at = ? WHERE id IN ("
                + "SELECT o.id FROM sdk_outbox o WHERE " + DUE + " AND o.claimed_by = ? ORDER BY o.id LIMIT ?"
                + " FOR UPDATE OF o SKIP LOCKED) AND claimed_by = ?")) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setString(3, claimant);
            ps.setInt(4, limit);
            ps.setString(5, claimant);
            ps.executeUpdate();
        }
    }

    /** How long this booth's claim lasts without renewal (the dispatcher stops starting sends well before). */
    public java.time.Duration takeover() {
        return java.time.Duration.ofMillis(takeoverMillis);
    }

    private boolean postgres(Connection c) throws SQLException {
        Boolean p = postgres;
        if (p == null) {
            p = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            postgres = p;
        }
        return p;
    }

    /** Earliest next attempt among open entries. */
    Optional<Instant> nextAttemptAt() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(next_attempt_at) FROM sdk_outbox WHERE status IN ('PENDING', 'SENT')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
        } catch (SQLException e) {
            throw new OutboxException("could not read the outbox", e);
        }
    }

    void markSent(long id) {
        update("UPDATE sdk_outbox SET status = 'SENT', attempts = attempts + 1, updated_at = ? WHERE id = ?" + MINE,
                ps -> {
                    ps.setLong(1, clock.millis());
                    ps.setLong(2, id);
                    ps.setString(3, claimant);
                });
    }

    /** Marks several entries SENT in one statement (the dispatcher's batch). */
    void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        update("UPDATE sdk_outbox SET status = 'SENT', attempts = attempts + 1, updated_at = ? WHERE id IN ("
                + placeholders(ids.size()) + ")" + MINE, ps -> {
                    ps.setLong(1, clock.millis());
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                    ps.setString(ids.size() + 2, claimant);
                });
    }

    /** Marks several entries ACKNOWLEDGED (no note) in one statement. */
    void markAcknowledged(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        update("UPDATE sdk_outbox SET status = 'ACKNOWLEDGED', last_error = NULL, updated_at = ? WHERE id IN ("
                + placeholders(ids.size()) + ")", ps -> {
                    ps.setLong(1, clock.millis());
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                });
    }

    /**
     * Marks several entries that were sent and answered before they were written down as SENT: ACKNOWLEDGED with
     * that attempt counted, in one statement (the dispatcher's batch; perf2).
     */
    void markDelivered(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        update("UPDATE sdk_outbox SET status = 'ACKNOWLEDGED', attempts = attempts + 1, last_error = NULL, "
                + "updated_at = ? WHERE id IN (" + placeholders(ids.size()) + ")", ps -> {
                    ps.setLong(1, clock.millis());
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                });
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    void markAcknowledged(long id, String note) {
        update("UPDATE sdk_outbox SET status = 'ACKNOWLEDGED', last_error = ?, updated_at = ? WHERE id = ?", ps -> {
            ps.setString(1, truncate(note));
            ps.setLong(2, clock.millis());
            ps.setLong(3, id);
        });
    }

    void markRetry(long id, Instant next, String error) {
        update("UPDATE sdk_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ?, updated_at = ? "
                + "WHERE id = ? AND status IN ('PENDING', 'SENT')" + MINE, ps -> {
                    ps.setLong(1, next.toEpochMilli());
                    ps.setString(2, truncate(error));
                    ps.setLong(3, clock.millis());
                    ps.setLong(4, id);
                    ps.setString(5, claimant);
                });
    }

    void markFailed(long id, String error) {
        update("UPDATE sdk_outbox SET status = 'FAILED', last_error = ?, updated_at = ? WHERE id = ?"
                + " AND status IN ('PENDING', 'SENT')" + MINE, ps -> {
                    ps.setString(1, truncate(error));
                    ps.setLong(2, clock.millis());
                    ps.setLong(3, id);
                    ps.setString(4, claimant);
                });
    }

    /** Only while this booth holds the claim (one parameter: the claimant). */
    private static final String MINE = " AND (claimed_by IS NULL OR claimed_by = ?)";

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new OutboxException("could not update the outbox", e);
        }
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), DeliveryStatus.valueOf(rs.getString(6)), rs.getInt(7),
                Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10));
    }

    private List<OutboxEntry> query(String sql, Binder binder) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new OutboxException("could not read the outbox", e);
        }
    }
}
