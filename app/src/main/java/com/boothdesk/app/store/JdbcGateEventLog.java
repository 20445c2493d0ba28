package com.boothdesk.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateEventLog;

/** Barrier movements in H2, with what the device confirmed (a failed command is recorded as failed). */
public final class JdbcGateEventLog implements GateEventLog {

    /** What a recorded barrier movement causes for the cloud, in the same transaction. */
    @FunctionalInterface
    public interface GateUplinks {
        GateUplinks NONE = (txn, id, e) -> { };

        void recorded(java.sql.Connection txn, long id, GateEvent event) throws java.sql.SQLException;
    }

    private final Database db;
    private final GateUplinks uplinks;

    public JdbcGateEventLog(Database db) {
        this(db, GateUplinks.NONE);
    }

    public JdbcGateEventLog(Database db, GateUplinks uplinks) {
        this.db = db;
        this.uplinks = uplinks;
    }

    @Override
    public long record(GateEvent e) {
        return db.write(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gate_event (lane_id, at, action, cause,"
                    + " operator, order_id, reason, image, outcome, outcome_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, e.laneId());
                ps.setObject(2, JdbcOrderRepository.time(e.at()));
                ps.setString(3, e.action().name());
                ps.setString(4, e.cause().name());
                ps.setString(5, e.operator());
                ps.setString(6, e.orderId());
                ps.setString(7, e.reason());
                ps.setString(8, e.image());
                ps.setString(9, e.outcome().result().name());
                ps.setString(10, e.outcome().detail().length() <= 200 ? e.outcome().detail()
                        : e.outcome().detail().substring(0, 200));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            uplinks.recorded(c, id, e);
            return id;
        });
    }

    @Override
    public List<GateEvent> recent(int limit) {
        return db.read(c -> {
            List<GateEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT lane_id, at, action, cause, operator, order_id,"
                    + " reason, image, outcome, outcome_detail FROM gate_event ORDER BY id DESC LIMIT " + Math.max(1, limit));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GateEvent(rs.getString(1), JdbcOrderRepository.instant(rs, "at"),
                            GateEvent.Action.valueOf(rs.getString(3)), GateEvent.Cause.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            new com.boothdesk.app.domain.gate.GateOutcome(com.boothdesk.app.domain.gate.GateOutcome
                                    .Result.valueOf(rs.getString(9)), rs.getString(10))));
                }
            }
            return out;
        });
    }
}
