package com.boothdesk.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.boothdesk.app.domain.lane.ParkSpaces;

/**
 * Remaining spaces per area from H2: an area's capacity, minus the in-lot stays whose entry lane belongs to it, plus
 * the recorded corrections of that area, clamped to [0, capacity]. Stays of lanes no area names count in the first.
 */
public final class JdbcParkSpaces implements ParkSpaces {

    private final Database db;
    private final Map<String, Integer> capacities;
    private final Map<String, String> laneArea;
    private final String defaultArea;
    private final Clock clock;

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
        return db.read(c -> {
            Map<String, Long> used = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT entry_lane, COUNT(*) FROM parking_order"
                    + " WHERE status = 'IN_LOT' GROUP BY entry_lane");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    used.merge(areaOf(rs.getString(1)), rs.getLong(2), Long::sum);
                }
            }
            Map<String, Long> adjusted = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT area, COALESCE(SUM(delta), 0) FROM space_adjustment GROUP BY area");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String area = capacities.containsKey(rs.getString(1)) ? rs.getString(1) : defaultArea;
                    adjusted.merge(area, rs.getLong(2), Long::sum);
                }
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            capacities.forEach((area, cap) -> {
                long free = cap - used.getOrDefault(area, 0L) + adjusted.getOrDefault(area, 0L);
                out.put(area, (int) Math.max(0, Math.min(cap, free)));
            });
            return out;
        });
    }

    @Override
    public void adjust(String area, int delta, String reason, String operator) {
        checked(area);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to correct the space count");
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO space_adjustment (at, delta, reason, operator, area) VALUES (?, ?, ?, ?, ?)")) {
                ps.setObject(1, JdbcOrderRepository.time(clock.instant()));
                ps.setInt(2, delta);
                ps.setString(3, reason.trim());
                ps.setString(4, operator);
                ps.setString(5, area);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Sets the whole lot to {@code target} free spaces (the cloud's 3.39 space_notify): the first area absorbs it. */
    public void setFree(int target, String reason, String operator) {
        int now = free();
        if (target != now) {
            adjust(defaultArea, target - now, reason, operator);
        }
    }

    private String checked(String area) {
        if (!capacities.containsKey(area)) {
            throw new IllegalArgumentException("no area '" + area + "'");
        }
        return area;
    }
}
