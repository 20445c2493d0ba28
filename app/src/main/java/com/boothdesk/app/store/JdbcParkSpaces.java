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
 */
public final class JdbcParkSpaces implements ParkSpaces {

    private final Database db;
    private final Map<String, Integer> capacities;
    private final Map<String, String> laneArea;
    private final String defaultArea;
    private final Clock clock;
    private final LotIndex lot;

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

    /** Every area's free spaces, read in one go. */
    public Map<String, Integer> freeByArea() {
        Map<String, Integer> perLane;
        Map<String, Long> corrections;
        if (db.shared()) {
            // other booths count too: the database's atomic counters are the truth, the index is only a cache
            Map<String, Long>[] holder = new Map[1];
            perLane = db.read(c -> {
                holder[0] = LotIndex.correctionsOf(c);
                return LotIndex.countsPerLane(c);
            });
            corrections = holder[0];
        } else {
            perLane = lot.perLane();
            corrections = lot.corrections();
        }
        Map<String, Long> used = new HashMap<>();
        perLane.forEach((lane, n) -> used.merge(areaOf(lane), (long) n, Long::sum));
        Map<String, Long> adjusted = new HashMap<>();
        corrections.forEach((stored, sum) ->
                adjusted.merge(capacities.containsKey(stored) ? stored : defaultArea, sum, Long::sum));
        Map<String, Integer> out = new LinkedHashMap<>();
        capacities.forEach((area, cap) -> {
            long free = cap - used.getOrDefault(area, 0L) + adjusted.getOrDefault(area, 0L);
            out.put(area, (int) Math.max(0, Math.min(cap, free)));
        });
        return out;
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
