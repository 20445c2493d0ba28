package com.boothdesk.app.site;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.Sql;
import com.boothdesk.app.store.index.LotIndex;

/**
 * The lot-full rule across the booths of a site: an atomic reservation of one space of an area.
 *
 * <p>{@link #take} runs in one transaction on the booth's writer: it locks the area's row in {@code space_area_lock}
 * ({@code SELECT ... FOR UPDATE}, a row lock that another booth's transaction waits for), counts the area's free
 * spaces from the database itself (capacity − the lanes' counters in {@code lot_lane_count} + the corrections in
 * {@code space_adjustment} − the live holds) and inserts a hold only when one is left. Two booths admitting the last
 * space are thus serialised and the second is told "full". A hold lives until {@link #release} (the car was sent
 * away), until it expires (a booth that died between the hold and the barrier does not keep the space), or until the
 * stay it was taken for is recorded: the hold's id is the stay's order id, and a hold whose {@code parking_order} row
 * exists no longer counts. That row and the lane counter's increment commit in one transaction (the store's
 * {@code recordEntry}), so the car moves from the hold into its lane's counter atomically: it is never counted
 * nowhere. (The holds are counted before the counters, in that order, so that a stay committed between the two
 * statements is counted twice, never not at all.) Ended holds are deleted by the area's next take, under its lock.
 *
 * <p>The entry flow takes a hold before it opens the barrier for a car that needs a space
 * ({@code ParkSpaces.hold}, implemented on a site database by {@link JdbcParkSpaces} with the instance
 * {@link #register}ed on the database).
 */
public final class SpaceHolds implements JdbcParkSpaces.SiteHolds {

    /** How long a hold counts when it is neither released nor turned into a stay (a booth that died meanwhile). */
    public static final Duration TTL = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(SpaceHolds.class);

    private final Database db;
    private final Map<String, Integer> capacities;
    private final Map<String, String> laneArea;
    private final String defaultArea;
    private final String boothId;
    private final Clock clock;
    private final Duration ttl;

    /**
     * @param capacities area → capacity (the first area also holds lanes no area names)
     * @param laneArea   lane id → area
     * @param ttl        how long a hold counts when it is neither released nor turned into a stay
     */
    public SpaceHolds(Database db, Map<String, Integer> capacities, Map<String, String> laneArea, String boothId,
            Clock clock, Duration ttl) {
        if (capacities.isEmpty()) {
            throw new IllegalArgumentException("at least one area");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the hold time must be positive");
        }
        this.db = db;
        this.capacities = new LinkedHashMap<>(capacities);
        this.laneArea = Map.copyOf(laneArea);
        this.defaultArea = capacities.keySet().iterator().next();
        this.boothId = boothId;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * On a site database: this booth's holds, kept with the database for its {@link JdbcParkSpaces} (the booth's
     * areas and lanes from its configuration). Nothing on the embedded file, where the holds are kept in memory.
     */
    public static void register(Database db, BoothConfig config, Clock clock) {
        if (db.shared()) {
            db.shared(JdbcParkSpaces.SiteHolds.class, d -> new SpaceHolds(d, config.areas(), config.laneAreas(),
                    config.boothId(), clock, TTL));
        }
    }

    /** Takes one space of {@code area} for {@code holdId}; false when the area has none left (or the id is taken). */
    @Override
    public boolean take(String area, String holdId) {
        Integer cap = capacities.get(area);
        if (cap == null) {
            throw new IllegalArgumentException("no area '" + area + "'");
        }
        return db.write(c -> {
            lockArea(c, area);
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            clean(c, area, now);
            int free = free(c, area, cap, now);
            if (free <= 0) {
                LOG.info("Space hold {} refused: area {} is full", holdId, area);
                return false;
            }
            Savepoint sp = c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO space_hold (hold_id, area, booth_id, held_until) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, holdId);
                ps.setString(2, area);
                ps.setString(3, boothId);
                ps.setObject(4, now.plus(ttl));
                ps.executeUpdate();
                c.releaseSavepoint(sp);
            } catch (SQLException e) {
                if (!Sql.isDuplicateKey(e)) {
                    throw e;
                }
                c.rollback(sp);
                LOG.warn("Space hold {} already exists: not taken twice", holdId);
                return false;
            }
            return true;
        });
    }

    /** Gives a hold back (the car was sent away); false when it was gone already. */
    @Override
    public boolean release(String holdId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM space_hold WHERE hold_id = ?")) {
                ps.setString(1, holdId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The area's free spaces as {@link #take} counts them (holds included). */
    public int free(String area) {
        Integer cap = capacities.get(area);
        if (cap == null) {
            throw new IllegalArgumentException("no area '" + area + "'");
        }
        return db.read(c -> free(c, area, cap, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    private int free(Connection c, String area, int cap, OffsetDateTime now) throws SQLException {
        // the holds first: a stay committed after this statement is then in the counters too (counted twice for
        // this take, a conservative error); counted the other way round it could be in neither
        Map<String, Long> held = held(c, now);
        Map<String, Long> corrections = LotIndex.correctionsOf(c);
        return JdbcParkSpaces.count(capacities, laneArea, LotIndex.countsPerLane(c), corrections, held).get(area);
    }

    /** The live holds per area: neither expired nor turned into a stay (the header's count subtracts them too). */
    @Override
    public Map<String, Long> held(Connection c) throws SQLException {
        return held(c, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private Map<String, Long> held(Connection c, OffsetDateTime now) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT h.area, COUNT(*) FROM space_hold h"
                + " WHERE h.held_until > ? AND NOT EXISTS (SELECT 1 FROM parking_order o WHERE o.order_id = h.hold_id)"
                + " GROUP BY h.area")) {
            ps.setObject(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stored = rs.getString(1);
                    out.merge(capacities.containsKey(stored) ? stored : defaultArea, rs.getLong(2), Long::sum);
                }
            }
        }
        return out;
    }

    /** Deletes the area's ended holds (expired, or their stay recorded); under the area's lock. */
    private static void clean(Connection c, String area, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM space_hold WHERE area = ? AND (held_until <= ?"
                + " OR EXISTS (SELECT 1 FROM parking_order o WHERE o.order_id = space_hold.hold_id))")) {
            ps.setString(1, area);
            ps.setObject(2, now);
            int n = ps.executeUpdate();
            if (n > 0) {
                LOG.debug("Space holds of area {}: {} ended hold(s) removed", area, n);
            }
        }
    }

    /** Locks the area's row (made on first use; a booth making it at the same moment wins, the lock is then taken). */
    private static void lockArea(Connection c, String area) throws SQLException {
        if (selectForUpdate(c, area)) {
            return;
        }
        Savepoint sp = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO space_area_lock (area) VALUES (?)")) {
            ps.setString(1, area);
            ps.executeUpdate();
            c.releaseSavepoint(sp);
        } catch (SQLException e) {
            if (!Sql.isDuplicateKey(e)) {
                throw e;
            }
            c.rollback(sp);
        }
        if (!selectForUpdate(c, area)) {
            throw new SQLException("space_area_lock row of area " + area + " could not be locked");
        }
    }

    private static boolean selectForUpdate(Connection c, String area) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT area FROM space_area_lock WHERE area = ? FOR UPDATE")) {
            ps.setString(1, area);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
