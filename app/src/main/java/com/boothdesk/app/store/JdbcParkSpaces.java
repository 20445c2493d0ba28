package com.boothdesk.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

import com.boothdesk.app.domain.lane.ParkSpaces;

/** Remaining spaces = capacity - cars in the lot + the attendant's recorded corrections, clamped to [0, capacity]. */
public final class JdbcParkSpaces implements ParkSpaces {

    private final Database db;
    private final int capacity;
    private final Clock clock;

    public JdbcParkSpaces(Database db, int capacity, Clock clock) {
        this.db = db;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int free() {
        long free = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM parking_order"
                    + " WHERE status = 'IN_LOT'), (SELECT COALESCE(SUM(delta), 0) FROM space_adjustment)");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return capacity - rs.getLong(1) + rs.getLong(2);
            }
        });
        return (int) Math.max(0, Math.min(capacity, free));
    }

    @Override
    public void adjust(int delta, String reason, String operator) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to correct the space count");
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO space_adjustment (at, delta, reason, operator) VALUES (?, ?, ?, ?)")) {
                ps.setObject(1, JdbcOrderRepository.time(clock.instant()));
                ps.setInt(2, delta);
                ps.setString(3, reason.trim());
                ps.setString(4, operator);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Sets the count to {@code target} free spaces (e.g. the cloud's 3.39 space_notify). */
    public void setFree(int target, String reason, String operator) {
        int now = free();
        if (target != now) {
            adjust(target - now, reason, operator);
        }
    }
}
