package com.boothdesk.app.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.boothdesk.app.domain.lane.ParkSpaces;
import com.boothdesk.app.store.index.LotIndex;

/**
 * Remaining spaces per area from the database (on a site's shared database read from its per-lane counters, which
 * every booth changes by atomic increments; on the embedded file from the in-memory index, which holds the same): an area's capacity, minus the in-lot stays whose entry lane belongs to it, plus
 * the recorded corrections of that area, clamped to [0, capacity]. Stays of lanes no area names count in the first.
 *
 * <p>Counted from the database's {@link LotIndex} (cars inside per entry lane, corrections per area), which the
 * writers keep exact after every commit: no scan of the lot per entry or per status refresh.
 *
 * <p>Holds ({@link #hold}, the lot-full rule before an entry barrier opens): on the embedded file this booth is the
 * only writer and the index is exact, so a hold is an entry in a map in memory, taken under a lock against the
 * booth's other entry lanes (no database round trip on the lane path). On a shared database the holds are the
 * site's: {@link SiteHolds} (the site package's {@code SpaceHolds}, registered with the database by the booth's
 * wiring), a row lock per area that serialises the booths.
 */
public final class JdbcParkSpaces implements ParkSpaces {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcParkSpaces.class);

    /**
     * The site-wide reservation of spaces on a shared database, kept with it ({@link Database#shared(Class,
     * java.util.function.Function)}): made by the site package, which knows the booth.
     */
    public interface SiteHolds {

        /** Takes one space of {@code area} for {@code holdId}; false when the area has none left. */
        boolean take(String area, String holdId);

        /** Gives the hold back (the car did not pass); false when it was gone. */
        boolean release(String holdId);

        /**
         * The live holds per area on {@code c} (neither expired nor turned into a stay): what the free count
         * subtracts, read before the lanes' counters (see {@link JdbcParkSpaces#count}).
         */
        Map<String, Long> held(java.sql.Connection c) throws java.sql.SQLException;
    }

    /**
     * The one count of free spaces, for the header, the LED, the exit's uplink and the lot-full rule alike: per
     * area, capacity − the cars inside (the entry lanes' counters) + the corrections, clamped to [0, capacity], −
     * the live holds, never below 0. Lanes no area names count in the first area, as corrections of an unknown area.
     *
     * @param perLane     cars inside per entry lane
     * @param corrections summed corrections per stored area name
     * @param held        live holds per area
     */
    public static Map<String, Integer> count(Map<String, Integer> capacities, Map<String, String> laneArea,
                                             Map<String, Integer> perLane, Map<String, Long> corrections,
                                             Map<String, Long> held) {
        String first = capacities.keySet().iterator().next();
        Map<String, Long> used = new HashMap<>();
        perLane.forEach((lane, n) -> used.merge(laneArea.getOrDefault(lane, first), (long) n, Long::sum));
        Map<String, Long> adjusted = new HashMap<>();
        corrections.forEach((stored, sum) ->
                adjusted.merge(capacities.containsKey(stored) ? stored : first, sum, Long::sum));
        Map<String, Integer> out = new LinkedHashMap<>();
        capacities.forEach((area, cap) -> {
            long free = Math.max(0, Math.min(cap, cap - used.getOrDefault(area, 0L) + adjusted.getOrDefault(area, 0L)))
                    - held.getOrDefault(area, 0L);
            out.put(area, (int) Math.max(0, free));
        });
        return out;
    }

    private final Database db;
    private final Map<String, Integer> capacities;
    private final Map<String, String> laneArea;
    private final String defaultArea;
    private final Clock clock;
    private final LotIndex lot;
    /** The embedded file's holds: hold id → area (guarded by itself). */
    private final Map<String, String> holds = new HashMap<>();
    private volatile boolean warnedNoSiteHolds;

    /**
     * @param capacities area → capacity, in display order
     * @param laneArea   lane id → area
     */
    public JdbcParkSpaces(Database db, Map<String, Integer> capacities, Map<String, String> laneArea, Clock clock) {
        if (capacities.isEmpty()) {
            throw new IllegalArgumentException("at least one area");
        }
        this.db = db;
        this.capacities = new LinkedHashMap<>(capacities);
        this.laneArea = Map.copyOf(laneArea);
        this.defaultArea = capacities.keySet().iterator().next();
        this.clock = clock;
        this.lot = LotIndex.of(db);
    }

    /** One area, {@code main}, holding every lane. */
    public JdbcParkSpaces(Database db, int capacity, Clock clock) {
        this(db, Map.of("main", capacity), Map.of(), clock);
    }

    @Override
    public List<String> areas() {
        return List.copyOf(capacities.keySet());
    }

    @Override
    public String areaOf(String laneId) {
        return laneArea.getOrDefault(laneId, defaultArea);
    }

    @Override
    public int capacity(String area) {
        Integer c = capacities.get(area);
        if (c == null) {
            throw new IllegalArgumentException("no area '" + area + "'");
        }
        return c;
    }

    @Override
    public int free(String area) {
        return freeByArea().get(checked(area));
    }

    @Override
    public int free() {
        return freeByArea().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every area's free spaces, read in one go: capacity − cars inside − live holds ({@link #count}). */
    public Map<String, Integer> freeByArea() {
        if (db.shared()) {
            // other booths count too: the database's atomic counters and the site's holds are the truth, the index
            // is only a cache
            java.util.Optional<SiteHolds> site = db.sharedIfMade(SiteHolds.class);
            return db.read(c -> {
                // the holds first (as the hold's own count): a stay committed between the statements is counted
                // twice for a moment, never not at all
                Map<String, Long> held = site.isPresent() ? site.get().held(c) : Map.of();
                Map<String, Long> corrections = LotIndex.correctionsOf(c);
                return count(capacities, laneArea, LotIndex.countsPerLane(c), corrections, held);
            });
        }
        Map<String, Long> held = new HashMap<>();
        synchronized (holds) {
            holds.values().forEach(a -> held.merge(a, 1L, Long::sum));
        }
        return count(capacities, laneArea, lot.perLane(), lot.corrections(), held);
    }

    @Override
    public boolean hold(String area, String holdId) {
        checked(area);
        if (db.shared()) {
            java.util.Optional<SiteHolds> site = db.sharedIfMade(SiteHolds.class);
            if (site.isPresent()) {
                return site.get().take(area, holdId);
            }
            if (!warnedNoSiteHolds) {
                warnedNoSiteHolds = true;
                LOG.warn("No site space holds registered on {}: the lot-full rule counts this booth's view only",
                        db.description());
            }
            return free(area) > 0;
        }
        synchronized (holds) {
            if (free(area) <= 0) { // the live holds are subtracted by the count itself
                return false;
            }
            holds.put(holdId, area);
            return true;
        }
    }

    @Override
    public void entered(String holdId) {
        // on a shared database the recorded stay (its order row) ends the hold in the stay's own transaction; the
        // row is removed by the area's next take
        if (!db.shared()) {
            synchronized (holds) {
                holds.remove(holdId);
            }
        }
    }

    @Override
    public void release(String holdId) {
        if (db.shared()) {
            db.sharedIfMade(SiteHolds.class).ifPresent(h -> h.release(holdId));
            return;
        }
        synchronized (holds) {
            holds.remove(holdId);
        }
    }

    @Override
    public void adjust(String area, int delta, String reason, String operator) {
        checked(area);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to correct the space count");
        }
        db.write(c -> {
            insert(c, area, delta, reason, operator);
            return null;
        });
    }

    /**
     * Sets the whole lot to {@code target} free spaces (the cloud's 3.39 space_notify): the first area absorbs it.
     * The count and the correction are taken on the writer thread, so that no entry or exit slips in between.
     */
    public void setFree(int target, String reason, String operator) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to correct the space count");
        }
        db.write(c -> {
            int now = free();
            if (target != now) {
                insert(c, defaultArea, target - now, reason, operator);
            }
            return null;
        });
    }

    private void insert(java.sql.Connection c, String area, int delta, String reason, String operator)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO space_adjustment (at, delta, reason, operator, area) VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, JdbcOrderRepository.time(clock.instant()));
            ps.setInt(2, delta);
            ps.setString(3, reason.trim());
            ps.setString(4, operator);
            ps.setString(5, area);
            ps.executeUpdate();
        }
        c.commit();
        lot.corrected(area, delta);
    }

    private String checked(String area) {
        if (!capacities.containsKey(area)) {
            throw new IllegalArgumentException("no area '" + area + "'");
        }
        return area;
    }
}
